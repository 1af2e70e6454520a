import { openTable } from '#server/modules/imports/file/read-table'
import type { NsatScale, NsatSource } from '#shared/domain/nsat'
import { respondentKey } from '#shared/domain/nsat'
import { AppError, type Issue } from '#shared/errors'
import {
  mapNsatHeaders,
  type NsatField,
  nsatLabelOf,
  parseAnswer,
  parseEmail,
  parseIsoDate,
  parseScale,
  parseSource,
} from './columns'

/** One file row, parsed but not yet resolved to a partner and customer. */
export type NsatFileRow = {
  row: number
  partnerId: string
  partnerName: string
  tpid: string
  respondentName: string | null
  respondentEmail: string | null
  respondentKey: string
  respondedOn: string
  source: NsatSource
  scale: NsatScale
  answer: string
  comment: string | null
}

export const MAX_ISSUES = 1000
const MAX_COMMENT = 2000

/**
 * Reads an NSAT file (CSV or XLSX, with the shared file reader) into parsed rows. Every problem is
 * collected with its row, column and value; the caller refuses the whole file when there is any.
 */
export async function readNsatFile(path: string, today: string) {
  const table = await openTable(path)
  try {
    const { index, unknownColumns, missing } = mapNsatHeaders(table.header)
    if (missing.length)
      throw new AppError(
        'INVALID_FILE',
        `The file has no column for: ${missing.join('; ')}. Columns found: ${
          table.header
            .filter((h) => h.trim())
            .map((h) => `"${h.trim()}"`)
            .join(', ') || '(none)'
        }. See docs/imports.md for the column names.`,
      )
    const rows: NsatFileRow[] = []
    const issues: Issue[] = []
    const problem = (row: number, field: NsatField, value: string, message: string) => {
      if (issues.length < MAX_ISSUES) issues.push({ row, column: nsatLabelOf(field), value, message })
    }
    for await (const batch of table.batches()) {
      for (const { row, cells } of batch) {
        const cell = (f: NsatField) => {
          const i = index[f]
          return i === undefined ? '' : (cells[i] ?? '').trim()
        }
        const partnerId = cell('partnerId')
        const partnerName = cell('partnerName')
        const tpid = cell('tpid')
        let fine = true
        const take = <T>(field: NsatField, r: { ok: true; value: T } | { ok: false; message: string }) => {
          if (r.ok) return r.value
          problem(row, field, cell(field), r.message)
          fine = false
          return undefined
        }
        if (!partnerId && !partnerName) {
          problem(row, index.partnerId !== undefined ? 'partnerId' : 'partnerName', '', 'Name the partner')
          fine = false
        }
        const respondentName = cell('respondentName') || null
        const respondentEmail = take('respondentEmail', parseEmail(cell('respondentEmail')))
        if (!respondentName && !respondentEmail && respondentEmail !== undefined) {
          problem(
            row,
            index.respondentEmail !== undefined ? 'respondentEmail' : 'respondentName',
            '',
            'Give the respondent’s name or e-mail',
          )
          fine = false
        }
        const dateText = cell('date')
        const respondedOn = dateText
          ? take('date', parseIsoDate(dateText))
          : take<string>('date', { ok: false, message: 'Give the date of the response' })
        if (respondedOn && respondedOn > today) {
          problem(row, 'date', dateText, 'A response cannot be dated in the future')
          fine = false
        }
        const scale = take('scale', parseScale(cell('scale')))
        const answer = scale === undefined ? undefined : take('answer', parseAnswer(cell('answer'), scale))
        const source = take('source', parseSource(cell('source'), tpid !== ''))
        if (source === 'customer_survey' && !tpid) {
          problem(row, 'tpid', '', 'A customer survey is about a customer: give its TPID')
          fine = false
        }
        const comment = cell('comment') || null
        if (comment && comment.length > MAX_COMMENT) {
          problem(row, 'comment', `${comment.slice(0, 40)}…`, `At most ${MAX_COMMENT} characters`)
          fine = false
        }
        if (!fine || !answer || !source || !respondedOn) continue
        rows.push({
          row,
          partnerId,
          partnerName,
          tpid,
          respondentName,
          respondentEmail: respondentEmail ?? null,
          respondentKey: respondentKey(respondentName, respondentEmail ?? null),
          respondedOn,
          source,
          scale: answer.scale,
          answer: answer.answer,
          comment,
        })
      }
    }
    return { rows, issues, unknownColumns }
  } finally {
    table.close()
  }
}
