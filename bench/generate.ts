import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { createRandom } from '#server/seed/random'
import { intentStatusLabel, phaseLabel } from '#shared/domain/portfolio'
import { workloadCatalog } from '#shared/domain/workloads'

export const BENCH_HEADER = [
  'Partner ID',
  'Partner Name',
  'Customer TPID',
  'Customer Name',
  'Country',
  'Seats',
  'Workload',
  'Intent Status',
  'Phase',
  'CPOR Claimed',
  'Licensed Users',
  'Active Users',
]

const countries = ['France', 'Germany', 'Netherlands', 'Belgium', 'Spain', 'Italy', 'Poland', 'Sweden']
const words = ['Contoso', 'Fabrikam', 'Northwind', 'Adatum', 'Litware', 'Proseware', 'Tailspin', 'Woodgrove']
const kinds = ['Bank', 'Logistics', 'Health', 'Retail', 'Insurance', 'Energy', 'Foods', 'Motors']
const intents = Object.values(intentStatusLabel)
const phases = Object.values(phaseLabel)

export type GeneratedFile = { rows: number; partners: number; customers: number; bytes: number }

/**
 * A deterministic portfolio file of exactly `rows` data rows: ~1 partner per 3,300 rows, customers with
 * 4–11 workloads each, names with commas and quotes now and then (so the file exercises CSV quoting).
 */
export async function generatePortfolioFile(path: string, rows: number, seed = 7): Promise<GeneratedFile> {
  const r = createRandom(seed)
  const partners = Math.max(3, Math.round(rows / 3333))
  const out = createWriteStream(path)
  let bytes = 0
  let buf = `${BENCH_HEADER.join(',')}\n`
  let written = 0
  let customer = 0
  const codes = workloadCatalog.map((w) => w.code)
  while (written < rows) {
    customer++
    const p = r.int(1, partners)
    const tpid = String(10_000_000 + customer)
    const name = r.chance(0.1)
      ? `"${r.pick(words)} ${r.pick(kinds)}, ""${customer}"" Ltd"`
      : `${r.pick(words)} ${r.pick(kinds)} ${customer}`
    const country = r.pick(countries)
    const seats = r.int(50, 60_000)
    const n = Math.min(rows - written, r.int(4, codes.length))
    const start = r.int(0, codes.length - 1)
    for (let k = 0; k < n; k++) {
      const code = codes[(start + k) % codes.length]
      const licensed = r.int(0, seats)
      const active = r.int(0, licensed)
      buf += `P${100_000 + p},Partner ${p} Consulting,${tpid},${name},${country},${seats},${code},${r.pick(intents)},${r.pick(phases)},${r.chance(0.5) ? 'Yes' : 'No'},${licensed},${active}\n`
      written++
    }
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf)
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  bytes += Buffer.byteLength(buf)
  out.end(buf)
  await once(out, 'finish')
  return { rows, partners, customers: customer, bytes }
}
