import { Paper, Stack, Switch, Text, Title } from '@mantine/core'
import { showServerError } from '../../lib/forms'
import { useDigestSettings, useSetDigest } from './api'

/** My daily digest e-mail: on or off, and when it goes out. */
export function DigestCard() {
  const settings = useDigestSettings()
  const set = useSetDigest()
  const s = settings.data
  return (
    <Paper withBorder p="lg" component="section" aria-label="Daily digest">
      <Title order={2} fz="lg" mb="xs">
        Daily digest
      </Title>
      <Stack gap="xs">
        <Switch
          label="E-mail me a daily digest"
          checked={s?.enabled ?? false}
          disabled={!s || set.isPending}
          onChange={(e) => set.mutate(e.currentTarget.checked, { onError: (err) => showServerError(err) })}
        />
        {s && (
          <Text fz="sm" c="dimmed">
            {s.emailConfigured
              ? `Sent from ${String(s.hour).padStart(2, '0')}:00 (${s.timeZone}) on days with an overdue action, one due today or an SLA breached or at risk.`
              : 'E-mail is not set up on this server yet (SMTP_URL), so no digest goes out for now.'}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
