import { Button, Popover, Select, Stack, Text } from '@mantine/core'
import { IconFileSpreadsheet, IconPresentation } from '@tabler/icons-react'
import { useState } from 'react'
import { type MbrFormat, mbrFormatLabel } from '#shared/contracts/mbr'
import { useHealth } from '../health/api'

const monthName = (period: string) =>
  new Date(`${period}T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })

/**
 * "MBR pack": pick a month with data (the partner's scored months, newest first) and download its deck
 * (PowerPoint) or appendix (Excel). `defaultMonth` (YYYY-MM) preselects a month, e.g. the one an MBR
 * meeting reviews.
 */
export function MbrPackButton({ partnerId, defaultMonth }: { partnerId: number; defaultMonth?: string }) {
  const health = useHealth('partner', partnerId, null)
  const months = [...(health.data?.history ?? [])].map((h) => h.period.slice(0, 7)).reverse()
  const [picked, setPicked] = useState<string | null>(null)
  const month = picked ?? (defaultMonth && months.includes(defaultMonth) ? defaultMonth : (months[0] ?? null))
  const href = (format: MbrFormat) => `/api/partners/${partnerId}/mbr?month=${month}&format=${format}`
  return (
    <Popover position="bottom-end" shadow="md" width={300} withArrow>
      <Popover.Target>
        <Button variant="default" leftSection={<IconPresentation size={16} />}>
          MBR pack
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Select
            label="Month"
            data={months.map((m) => ({ value: m, label: monthName(`${m}-01`) }))}
            value={month}
            onChange={setPicked}
            allowDeselect={false}
            placeholder={health.isPending ? 'Loading…' : 'No month with data yet'}
            disabled={months.length === 0}
            comboboxProps={{ withinPortal: false }}
          />
          <Text size="xs" c="dimmed">
            The month’s stored numbers; a closed month is frozen the first time its pack is built.
          </Text>
          <Stack gap="xs">
            <Button
              component="a"
              fullWidth
              href={month ? href('pptx') : undefined}
              download
              disabled={!month}
              leftSection={<IconPresentation size={16} />}
              aria-label={mbrFormatLabel.pptx}
            >
              Deck (.pptx)
            </Button>
            <Button
              component="a"
              fullWidth
              variant="default"
              href={month ? href('xlsx') : undefined}
              download
              disabled={!month}
              leftSection={<IconFileSpreadsheet size={16} />}
              aria-label={mbrFormatLabel.xlsx}
            >
              Appendix (.xlsx)
            </Button>
          </Stack>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
