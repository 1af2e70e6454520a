import { DateTime, IANAZone } from 'luxon'

const HOUR = 3_600_000
const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+'
  const a = Math.abs(minutes)
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`
}
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15)

/** Every instant in [from, to) where the zone's UTC offset changes (found hourly, refined to the minute). */
function transitions(zone: IANAZone, from: number, to: number) {
  const out: { at: number; before: number; after: number }[] = []
  let prev = zone.offset(from)
  for (let t = from + HOUR; t < to; t += HOUR) {
    const o = zone.offset(t)
    if (o === prev) continue
    let lo = t - HOUR
    let hi = t
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000
      if (zone.offset(mid) === prev) lo = mid
      else hi = mid
    }
    out.push({ at: hi, before: prev, after: o })
    prev = o
  }
  return out
}

/**
 * A VTIMEZONE for an IANA zone, as explicit observances for each transition of the years asked (no
 * RRULE in it, so no guess about future rules is written down): what calendar clients need to place
 * TZID-local times. A zone without transitions gets one STANDARD observance.
 */
export function vtimezone(tzid: string, fromYear: number, toYear: number): string | null {
  if (!IANAZone.isValidZone(tzid)) return null
  const zone = IANAZone.create(tzid)
  const from = Date.UTC(fromYear, 0, 1)
  const to = Date.UTC(toYear + 1, 0, 1)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tzid}`]
  const found = transitions(zone, from, to)
  const first = zone.offset(from)
  const name = (ms: number) => DateTime.fromMillis(ms, { zone: tzid }).toFormat('ZZZZ')
  lines.push(
    'BEGIN:STANDARD',
    `DTSTART:${stamp(from + first * 60_000)}`,
    `TZOFFSETFROM:${offsetText(first)}`,
    `TZOFFSETTO:${offsetText(first)}`,
    `TZNAME:${name(from)}`,
    'END:STANDARD',
  )
  for (const t of found) {
    const kind = t.after > t.before ? 'DAYLIGHT' : 'STANDARD'
    lines.push(
      `BEGIN:${kind}`,
      // DTSTART is the local time of the change, on the clock before it.
      `DTSTART:${stamp(t.at + t.before * 60_000)}`,
      `TZOFFSETFROM:${offsetText(t.before)}`,
      `TZOFFSETTO:${offsetText(t.after)}`,
      `TZNAME:${name(t.at)}`,
      `END:${kind}`,
    )
  }
  lines.push('END:VTIMEZONE')
  return lines.join('\r\n')
}
