import type { StagedCustomer, StagedPartner } from './validator'

/** CSV text for COPY: NULL is an unquoted empty field, text is always quoted. */
function csvText(v: string | null): string {
  return v === null ? '' : `"${v.replace(/"/g, '""')}"`
}
function csvNum(v: number | null): string {
  return v === null ? '' : String(v)
}

/** The staged partners and customers as CSV for COPY (customers in chunks of 50,000). */
export type EntitiesCsv = { partners: string; customers: string[] }

/** Builds the CSV of the staged partners and customers (where they were read: maybe a worker thread). */
export function entitiesCsv(
  partners: readonly StagedPartner[],
  customers: readonly StagedCustomer[],
): EntitiesCsv {
  const p = partners.map(
    (x, i) =>
      `${i},${csvText(x.programId)},${csvText(x.name)},${csvNum(x.regionId)},${csvNum(x.fpmUserId)}\n`,
  )
  const chunks: string[] = []
  const CHUNK = 50_000
  for (let from = 0; from < customers.length; from += CHUNK) {
    const parts: string[] = []
    const to = Math.min(customers.length, from + CHUNK)
    for (let i = from; i < to; i++) {
      const c = customers[i]
      parts.push(
        `${i},${csvText(c.tpid)},${csvText(c.name)},${csvText(c.country)},${csvNum(c.seats)},${c.pidx}\n`,
      )
    }
    chunks.push(parts.join(''))
  }
  return { partners: p.join(''), customers: chunks }
}
