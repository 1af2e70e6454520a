import { DateTime } from 'luxon'
import type { Escalation } from '#shared/contracts/escalations'
import type { ActionItem, Occurrence } from '#shared/contracts/meetings'
import { severityLabel } from '#shared/domain/escalations'
import type { DigestContent } from './content'

export type RenderedDigest = { subject: string; text: string; html: string }

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** HTML-escapes text: every title and name in a digest is user input. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** The subject: the local day and the counts that need attention, e.g. "1 overdue action, 2 SLA breaches". */
export function digestSubject(c: DigestContent): string {
  const parts = [
    c.overdue.length ? plural(c.overdue.length, 'overdue action', 'overdue actions') : '',
    c.dueToday.length ? `${c.dueToday.length} due today` : '',
    c.breached.length ? plural(c.breached.length, 'SLA breach', 'SLA breaches') : '',
    c.atRisk.length ? `${c.atRisk.length} SLA at risk` : '',
  ].filter(Boolean)
  const day = DateTime.fromISO(c.localDate).toFormat('ccc d LLL')
  return `Trellis — ${day}: ${parts.length ? parts.join(', ') : 'nothing due'}`
}

type Line = { text: string; href: string; note: string }
type Section = { title: string; lines: Line[] }

function sections(c: DigestContent, base: string): Section[] {
  const action = (a: ActionItem): Line => ({
    text: a.title,
    href: a.meeting
      ? `${base}/meetings/${a.meeting.seriesId}/${encodeURIComponent(a.meeting.originalStart)}`
      : `${base}/partners/${a.partnerId}`,
    note: `${a.partnerName}${a.dueOn ? ` · due ${a.dueOn}` : ''}`,
  })
  const escalation = (e: Escalation): Line => ({
    text: e.title,
    href: `${base}/escalations/${e.id}`,
    note: `${severityLabel[e.severity]} · ${e.partnerName} · SLA due ${DateTime.fromISO(e.sla.dueAt)
      .setZone(c.timeZone)
      .toFormat('d LLL HH:mm')}`,
  })
  const meeting = (m: Occurrence): Line => ({
    text: m.title,
    href: `${base}/meetings/${m.seriesId}/${encodeURIComponent(m.originalStart)}`,
    note: `${DateTime.fromISO(m.start).setZone(c.timeZone).toFormat('HH:mm')} · ${m.partnerName}`,
  })
  return [
    { title: 'SLA breached', lines: c.breached.map(escalation) },
    { title: 'Overdue action items', lines: c.overdue.map(action) },
    { title: 'Due today', lines: c.dueToday.map(action) },
    { title: 'SLA at risk (breach soon)', lines: c.atRisk.map(escalation) },
    { title: 'Due later this week', lines: c.dueThisWeek.map(action) },
    { title: 'Your meetings today', lines: c.meetingsToday.map(meeting) },
  ].filter((s) => s.lines.length > 0)
}

/** The digest as plain text and as simple HTML (inline styles only, every value escaped). */
export function renderDigest(c: DigestContent, recipientName: string, baseUrl: string): RenderedDigest {
  const subject = digestSubject(c)
  const parts = sections(c, baseUrl)
  const myWeek = `${baseUrl}/my-week`
  const text = [
    `Hello ${recipientName},`,
    '',
    `Your Trellis digest for ${c.localDate} (${c.timeZone}).`,
    ...parts.flatMap((s) => [
      '',
      `${s.title} (${s.lines.length})`,
      ...s.lines.map((l) => `- ${l.text} — ${l.note}\n  ${l.href}`),
    ]),
    '',
    `My week: ${myWeek}`,
    'You get this e-mail on days with something to act on. Switch it off on My week.',
    '',
  ].join('\n')
  const html = `<!doctype html>
<html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1b1e">
<p>Hello ${escapeHtml(recipientName)},</p>
<p>Your Trellis digest for <strong>${escapeHtml(c.localDate)}</strong> (${escapeHtml(c.timeZone)}).</p>
${parts
  .map(
    (s) => `<h2 style="font-size:16px;margin:18px 0 6px">${escapeHtml(s.title)} (${s.lines.length})</h2>
<ul style="margin:0;padding-left:20px">
${s.lines
  .map(
    (l) =>
      `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a> <span style="color:#868e96">— ${escapeHtml(l.note)}</span></li>`,
  )
  .join('\n')}
</ul>`,
  )
  .join('\n')}
<p style="margin-top:18px"><a href="${escapeHtml(myWeek)}">Open My week</a></p>
<p style="color:#868e96;font-size:12px">You get this e-mail on days with something to act on. Switch it off on My week.</p>
</body></html>
`
  return { subject, text, html }
}
