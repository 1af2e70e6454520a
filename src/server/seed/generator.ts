import type { IntentStatus, Phase } from '#shared/domain/portfolio'
import type { WorkloadCode } from '#shared/domain/workloads'
import { createRandom } from './random'

/** Pure, deterministic generator of a demo portfolio: the same seed gives the same data. */

export const prefixes = [
  'Contoso',
  'Fabrikam',
  'Northwind',
  'Adatum',
  'Litware',
  'Proseware',
  'Tailspin',
  'Wingtip',
  'Woodgrove',
  'Fourth Coffee',
  'Alpine Ski',
  'Blue Yonder',
  'Coho',
  'Lucerne',
  'Margie',
  'Trey',
  'Humongous',
  'Wide World',
  'Relecloud',
  'VanArsdel',
  'Bellows',
  'Lamna',
  'Munson',
  'Nod',
]
export const partnerSuffixes = [
  'Consulting',
  'Cloud Partners',
  'Digital',
  'IT Services',
  'Solutions',
  'Systems',
  'Group',
  'Technologies',
]
export const customerSuffixes = [
  'Bank',
  'Logistics',
  'Health',
  'Retail',
  'Insurance',
  'Energy',
  'Foods',
  'Manufacturing',
  'University',
  'Airlines',
  'Pharma',
  'Media',
  'Council',
  'Hotels',
  'Motors',
  'Telecom',
]
const countries = [
  'United Kingdom',
  'Germany',
  'France',
  'Netherlands',
  'Spain',
  'Italy',
  'Sweden',
  'Ireland',
  'Poland',
  'Belgium',
]
const firstNames = [
  'Ava',
  'Ben',
  'Chloe',
  'Daniel',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Luca',
  'Maya',
  'Nils',
  'Olga',
  'Pablo',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wim',
  'Yara',
  'Zoe',
]
const lastNames = [
  'Schmidt',
  'Dubois',
  'Rossi',
  'García',
  'Jansen',
  'Nowak',
  'Andersson',
  'Murphy',
  'Peeters',
  'Smith',
  'Müller',
  'Bernard',
  'Lopez',
  'De Vries',
  'Kowalski',
  'Lindqvist',
]
const coreWorkloads: WorkloadCode[] = ['EXO', 'SPO', 'TEAMS', 'OD', 'OPP', 'INTUNE', 'AADP', 'YAM', 'MIP']
const phaseOrder: Phase[] = [
  'initiate',
  'assess',
  'remediate',
  'enable',
  'migrate',
  'adoption',
  'operation',
  'success',
]

export type GeneratedPartner = {
  programId: string
  name: string
  country: string
  status: 'active' | 'onboarding' | 'at_risk' | 'referrals_paused'
  referralReady: boolean
  endorsed: WorkloadCode[]
  joinedOn: string
  regionIndex: number
  fpmIndex: number
}
export type GeneratedCustomer = {
  tpid: string
  name: string
  country: string
  seats: number
  partnerIndex: number
}
export type GeneratedEngagement = {
  partnerIndex: number
  customerIndex: number
  workload: WorkloadCode
  intentStatus: IntentStatus
  phase: Phase
  claimed: boolean
}
export type GeneratedSnapshot = {
  customerIndex: number
  workload: WorkloadCode
  asOf: string
  licensed: number
  active: number
}

export type PortfolioSize = { partners: number; customersPerPartner: [number, number]; months: number }

export function personName(r: ReturnType<typeof createRandom>): string {
  return `${r.pick(firstNames)} ${r.pick(lastNames)}`
}

/** Month-end dates, oldest first, ending at the last month end before `today`. */
export function monthEnds(today: Date, months: number): string[] {
  const out: string[] = []
  for (let i = months; i >= 1; i--) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i + 1, 0))
    out.push(d.toISOString().slice(0, 10))
  }
  return out
}

export function generatePortfolio(
  seed: number,
  size: PortfolioSize,
  regions: number,
  fpmsPerRegion: number,
  today: Date,
) {
  const r = createRandom(seed)
  const partners: GeneratedPartner[] = []
  const customers: GeneratedCustomer[] = []
  const engagements: GeneratedEngagement[] = []
  const snapshots: GeneratedSnapshot[] = []
  const dates = monthEnds(today, size.months)

  for (let p = 0; p < size.partners; p++) {
    const regionIndex = p % regions
    partners.push({
      programId: `P${String(100001 + p)}`,
      name: `${prefixes[p % prefixes.length]} ${partnerSuffixes[Math.floor(p / prefixes.length + p) % partnerSuffixes.length]}${p >= prefixes.length * partnerSuffixes.length ? ` ${p}` : ''}`,
      country: r.pick(countries),
      status: r.pick(['active', 'active', 'active', 'onboarding', 'at_risk', 'referrals_paused'] as const),
      referralReady: r.chance(0.7),
      endorsed: r.sample(coreWorkloads, r.int(3, 7)),
      joinedOn: `20${r.int(19, 25)}-${String(r.int(1, 12)).padStart(2, '0')}-01`,
      regionIndex,
      fpmIndex: Math.floor(p / regions) % fpmsPerRegion,
    })
    const n = r.int(size.customersPerPartner[0], size.customersPerPartner[1])
    for (let c = 0; c < n; c++) {
      const ci = customers.length
      const seats = r.chance(0.15) ? r.int(40, 149) : r.int(150, 25000)
      customers.push({
        tpid: String(7000000 + ci * 7 + r.int(0, 6)),
        name: `${r.pick(prefixes)} ${r.pick(customerSuffixes)}${ci >= 300 ? ` ${ci}` : ''}`,
        country: r.pick(countries),
        seats,
        partnerIndex: p,
      })
      for (const workload of r.sample(
        partners[p].endorsed,
        r.int(1, Math.min(5, partners[p].endorsed.length)),
      )) {
        const phaseIdx = r.int(0, phaseOrder.length - 1)
        const blocked = r.chance(0.08)
        engagements.push({
          partnerIndex: p,
          customerIndex: ci,
          workload,
          intentStatus: blocked
            ? 'blocked'
            : r.chance(0.07)
              ? 'no_intent'
              : phaseIdx === 0 && r.chance(0.5)
                ? 'unknown'
                : 'in_progress',
          phase: phaseOrder[phaseIdx],
          claimed: r.chance(0.75),
        })
        // Adoption grows towards a customer-specific ceiling, with noise; licences grow slowly.
        const licensedStart = Math.max(1, Math.round(seats * (0.6 + r.next() * 0.35)))
        const ceiling = 0.1 + r.next() * 0.8
        const speed = 0.05 + r.next() * 0.25
        let au = r.next() * 0.1
        for (const asOf of dates) {
          au = Math.min(ceiling, au + speed * (ceiling - au) + (r.next() - 0.5) * 0.04)
          const licensed = Math.round(licensedStart * (1 + r.next() * 0.02))
          snapshots.push({
            customerIndex: ci,
            workload,
            asOf,
            licensed,
            active: Math.max(0, Math.min(licensed, Math.round(licensed * au))),
          })
        }
      }
    }
  }
  return { partners, customers, engagements, snapshots, dates }
}
