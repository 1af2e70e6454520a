import { headerKey, portfolioFields } from '#server/modules/imports/portfolio/columns'
import { type Parsed, parseIsoDate } from '#server/modules/imports/portfolio/values'
import { NOT_APPLICABLE, type NsatScale, type NsatSource } from '#shared/domain/nsat'

/**
 * The columns of an NSAT file: one row per survey answer. Found by header name like the portfolio file
 * (case, spaces, underscores and punctuation do not matter); partner and customer columns take the
 * portfolio file's aliases. docs/imports.md lists the same table.
 */
const aliasesOf = (key: string) => [...(portfolioFields.find((f) => f.key === key)?.aliases ?? [])]

export const nsatFields = [
  { key: 'partnerId', label: 'Partner ID', aliases: aliasesOf('partnerId') },
  { key: 'partnerName', label: 'Partner name', aliases: aliasesOf('partnerName') },
  { key: 'tpid', label: 'Customer TPID', aliases: aliasesOf('tpid') },
  {
    key: 'respondentName',
    label: 'Respondent name',
    aliases: ['Respondent', 'Respondent Name', 'Name', 'Contact', 'Contact Name'],
  },
  {
    key: 'respondentEmail',
    label: 'Respondent e-mail',
    aliases: ['Respondent Email', 'Email', 'E-mail', 'Email Address', 'Contact Email'],
  },
  {
    key: 'date',
    label: 'Date',
    aliases: ['Date', 'Response Date', 'Responded On', 'Survey Date', 'Submitted', 'Submitted On'],
  },
  { key: 'scale', label: 'Scale', aliases: ['Scale', 'Answer Scale', 'Question Scale'] },
  {
    key: 'answer',
    label: 'Answer',
    aliases: ['Answer', 'Response', 'Rating', 'Satisfaction', 'NSAT', 'NSAT Answer', 'CPE'],
  },
  { key: 'comment', label: 'Comment', aliases: ['Comment', 'Comments', 'Verbatim', 'Feedback'] },
  { key: 'source', label: 'Source', aliases: ['Source', 'Survey', 'Survey Type', 'Respondent Type'] },
] as const
export type NsatField = (typeof nsatFields)[number]['key']

const byAlias = new Map<string, NsatField>()
for (const f of nsatFields) for (const a of f.aliases) byAlias.set(headerKey(a), f.key)

export const nsatLabelOf = (field: NsatField) => nsatFields.find((f) => f.key === field)!.label

/** Field → column index (the first column of a field wins), and the columns not used. */
export function mapNsatHeaders(header: readonly string[]) {
  const index: Partial<Record<NsatField, number>> = {}
  const unknownColumns: string[] = []
  header.forEach((raw, i) => {
    const field = byAlias.get(headerKey(raw))
    if (!field) {
      if (raw.trim()) unknownColumns.push(raw.trim())
    } else if (index[field] === undefined) index[field] = i
  })
  const missing: string[] = []
  if (index.partnerId === undefined && index.partnerName === undefined)
    missing.push('Partner ID or Partner name')
  if (index.respondentName === undefined && index.respondentEmail === undefined)
    missing.push('Respondent name or Respondent e-mail')
  if (index.date === undefined) missing.push('Date')
  if (index.answer === undefined) missing.push('Answer')
  return { index, unknownColumns, missing }
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const bad = (message: string): Parsed<never> => ({ ok: false, message })

const msitWords = new Map<string, string>([
  ['verysatisfied', 'very_satisfied'],
  ['somewhatsatisfied', 'somewhat_satisfied'],
  ['somewhatdissatisfied', 'somewhat_dissatisfied'],
  ['verydissatisfied', 'very_dissatisfied'],
])
const notApplicable = new Set(['na', 'dontknow', 'dontknowna', 'notapplicable', 'dk'])

/** An answer → its scale and stored value. A blank scale is taken from the answer (words: 4-point, 1–5: 5-point). */
export function parseAnswer(
  text: string,
  scale: NsatScale | null,
): Parsed<{ scale: NsatScale; answer: string }> {
  const k = headerKey(text)
  if (k === '') return bad('Give the answer')
  const word = msitWords.get(k)
  const digit = /^[1-5](\.0+)?$/.test(text.trim()) ? text.trim()[0]! : null
  if (notApplicable.has(k)) return ok({ scale: scale ?? 'msit4', answer: NOT_APPLICABLE })
  if (word && scale !== 'cpe5') return ok({ scale: 'msit4', answer: word })
  if (digit && scale !== 'msit4') return ok({ scale: 'cpe5', answer: digit })
  if (scale === 'msit4')
    return bad(
      "Not a 4-point answer; use Very satisfied, Somewhat satisfied, Somewhat dissatisfied, Very dissatisfied or Don't know",
    )
  if (scale === 'cpe5') return bad("Not a 5-point answer; use 1 to 5 or Don't know")
  return bad(
    "Not an answer; use Very satisfied … Very dissatisfied (4-point), 1 to 5 (5-point) or Don't know",
  )
}

const scales = new Map<string, NsatScale>([
  ['4', 'msit4'],
  ['4point', 'msit4'],
  ['msit', 'msit4'],
  ['msit4', 'msit4'],
  ['5', 'cpe5'],
  ['5point', 'cpe5'],
  ['cpe', 'cpe5'],
  ['cpe5', 'cpe5'],
])
export function parseScale(text: string): Parsed<NsatScale | null> {
  const k = headerKey(text)
  if (k === '') return ok(null)
  const v = scales.get(k)
  return v ? ok(v) : bad('Use 4-point (MSIT) or 5-point (CPE)')
}

const sources = new Map<string, NsatSource>([
  ['partner', 'partner_survey'],
  ['partnersurvey', 'partner_survey'],
  ['customer', 'customer_survey'],
  ['customersurvey', 'customer_survey'],
])
/** A blank source is a customer survey when the row names a customer, else a partner survey. */
export function parseSource(text: string, hasCustomer: boolean): Parsed<NsatSource> {
  const k = headerKey(text)
  if (k === '') return ok(hasCustomer ? 'customer_survey' : 'partner_survey')
  const v = sources.get(k)
  return v ? ok(v) : bad('Use partner survey or customer survey')
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export function parseEmail(text: string): Parsed<string | null> {
  const t = text.trim()
  if (t === '') return ok(null)
  return EMAIL.test(t) ? ok(t) : bad('Not an e-mail address')
}

export { parseIsoDate }
