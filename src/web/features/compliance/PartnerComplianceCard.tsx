import { Badge, Group, Paper, Skeleton, Text, Title, Tooltip } from '@mantine/core'
import { useEffect } from 'react'
import { useLocation } from 'react-router'
import { complianceCheckLabel, complianceChecks } from '#shared/domain/compliance'
import { complianceCheckDefinition, dataComplianceDefinition } from '#shared/domain/metrics'
import { QueryError } from '../../components/QueryError'
import { InfoTip } from '../health/HealthBand'
import { usePartnerCompliance } from './api'
import { ComplianceValue } from './ComplianceValue'
import { FailuresTable } from './FailuresTable'

/** The partner page's data compliance: each check's state and the records to fix, with a link each. */
export function PartnerComplianceCard({ partnerId }: { partnerId: number }) {
  const compliance = usePartnerCompliance(partnerId)
  const c = compliance.data
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-label="Data compliance"
      data-testid="partner-compliance"
    >
      <Group gap={6} mb="sm">
        <Title order={2} fz="lg">
          Data compliance
        </Title>
        <InfoTip label="Data compliance" text={dataComplianceDefinition} />
        {c && (
          <Group ml="auto" gap="xs">
            <ComplianceValue t={c.partner.overall} target={c.settings.target} size="lg" />
          </Group>
        )}
      </Group>
      {compliance.isError && <QueryError error={compliance.error} onRetry={() => compliance.refetch()} />}
      {!c && !compliance.isError && <Skeleton h={80} />}
      {c && (
        <>
          <Group gap={6} mb="sm">
            {complianceChecks
              .filter((check) => c.settings[check].enabled && c.partner.byCheck[check].applicable > 0)
              .map((check) => {
                const t = c.partner.byCheck[check]
                const ok = t.passed === t.applicable
                return (
                  <Tooltip key={check} label={complianceCheckDefinition[check]} multiline w={320}>
                    <Badge variant="light" color={ok ? 'teal' : 'red'} radius="sm" tt="none" fw={500}>
                      {complianceCheckLabel[check]}
                      {t.applicable > 1 ? ` ${t.passed}/${t.applicable}` : ok ? ' ✓' : ''}
                    </Badge>
                  </Tooltip>
                )
              })}
          </Group>
          {c.failures.length === 0 ? (
            <Text fz="sm" c="dimmed">
              Everything required is up to date.
            </Text>
          ) : (
            <FailuresTable items={c.failures} withPartner={false} label="To fix for this partner" />
          )}
        </>
      )}
    </Paper>
  )
}

/** Scrolls to the section named by the address's #hash (the fix links of compliance) once it is there. */
export function useScrollToHash(ready: boolean) {
  const { hash } = useLocation()
  useEffect(() => {
    if (!ready || !hash) return
    const timer = setTimeout(
      () => document.getElementById(hash.slice(1))?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
      300,
    )
    return () => clearTimeout(timer)
  }, [hash, ready])
}
