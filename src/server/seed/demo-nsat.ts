import { nsatResponses } from '#db/schema/index'
import { NOT_APPLICABLE, type NsatScale, nsatAnswers, respondentKey } from '#shared/domain/nsat'
import { addDays } from '#shared/domain/periods'
import { createRandom, type Random } from './random'

type Tx = Parameters<Parameters<import('#db/client').Database['db']['transaction']>[0]>[0]

/** A demo partner as the NSAT plan sees it. */
export type NsatPlanPartner = { status: string; customers: number[] }

/** How a partner's surveys tend to go: most are liked; some have unhappy customers or partners; some answer rarely. */
type Mood = 'good' | 'unhappy_customers' | 'unhappy_partner' | 'sparse'
const moodOf = (i: number): Mood =>
  i % 7 === 3 ? 'unhappy_customers' : i % 7 === 5 ? 'unhappy_partner' : i % 5 === 4 ? 'sparse' : 'good'

const FIRST = ['Alex', 'Sam', 'Robin', 'Kim', 'Jo', 'Noa', 'Lee', 'Ari', 'Mika', 'Tess', 'Ravi', 'Ines']
const LAST = ['Meyer', 'Okafor', 'Lindqvist', 'Tanaka', 'Garcia', 'Novak', 'Dubois', 'Rossi', 'Khan', 'Berg']

/** A weighted answer: share of VSAT, DSAT (the rest neutral), and 1 in 20 "don't know". */
function answer(r: Random, scale: NsatScale, vsat: number, dsat: number): string {
  if (r.chance(0.05)) return NOT_APPLICABLE
  const x = r.next()
  if (scale === 'msit4') {
    if (x < vsat) return 'very_satisfied'
    if (x < vsat + dsat) return r.chance(0.6) ? 'somewhat_dissatisfied' : 'very_dissatisfied'
    return 'somewhat_satisfied'
  }
  if (x < vsat) return '5'
  if (x < vsat + dsat) return r.pick(['1', '2'])
  return r.pick(['3', '4'])
}
const odds: Record<Mood, { partner: [number, number]; customer: [number, number] }> = {
  good: { partner: [0.55, 0.08], customer: [0.6, 0.08] },
  unhappy_customers: { partner: [0.45, 0.15], customer: [0.2, 0.5] },
  unhappy_partner: { partner: [0.15, 0.55], customer: [0.5, 0.12] },
  sparse: { partner: [0.5, 0.1], customer: [0.5, 0.1] },
}

export type PlannedNsat = {
  partnerIndex: number
  customerIndex: number | null
  name: string
  email: string
  respondedOn: string
  source: 'partner_survey' | 'customer_survey'
  scale: NsatScale
  answer: string
  comment: string | null
}

/** Pure: the demo's survey responses over the 12 months before `today` (deterministic per seed). */
export function planNsat(seed: number, today: Date, partners: NsatPlanPartner[]): PlannedNsat[] {
  const r = createRandom(seed ^ 0x5a75)
  const day0 = today.toISOString().slice(0, 10)
  const out: PlannedNsat[] = []
  partners.forEach((p, i) => {
    if (p.status === 'invited' || p.status === 'departed') return
    const mood = moodOf(i)
    const scale: NsatScale = i % 2 === 0 ? 'msit4' : 'cpe5'
    const person = (k: number, domain: string) => {
      const first = FIRST[(i + k) % FIRST.length]!
      const last = LAST[(i * 3 + k) % LAST.length]!
      return { name: `${first} ${last}`, email: `${first}.${last}${k}@${domain}.example`.toLowerCase() }
    }
    // Partner survey: two waves a year (about 10 and 4 months ago), several people each.
    const perWave = mood === 'sparse' ? 1 : r.int(3, 6)
    for (const monthsAgo of [10, 4]) {
      for (let k = 0; k < perWave; k++) {
        const who = person(k + monthsAgo, `partner${i}`)
        out.push({
          partnerIndex: i,
          customerIndex: null,
          ...who,
          respondedOn: addDays(day0, -(monthsAgo * 30 + r.int(0, 20))),
          source: 'partner_survey',
          scale: 'msit4',
          answer: answer(r, 'msit4', ...odds[mood].partner),
          comment: r.chance(0.2)
            ? r.pick(['Responsive team', 'Slow on referrals', 'Great enablement'])
            : null,
        })
      }
    }
    // Customer surveys: a few answers per customer, spread over the year.
    const customers = p.customers.slice(0, mood === 'sparse' ? 1 : 8)
    customers.forEach((c, ci) => {
      const count = mood === 'sparse' ? 1 : r.int(1, 3)
      for (let k = 0; k < count; k++) {
        const who = person(ci * 3 + k, `customer${c}`)
        out.push({
          partnerIndex: i,
          customerIndex: c,
          ...who,
          respondedOn: addDays(day0, -r.int(3, 360)),
          source: 'customer_survey',
          scale,
          answer: answer(r, scale, ...odds[mood].customer),
          comment: r.chance(0.15) ? r.pick(['Smooth migration', 'Training came late', 'Clear plan']) : null,
        })
      }
    })
  })
  return out
}

/** Writes the planned responses; returns how many. */
export async function writeDemoNsat(
  tx: Tx,
  seed: number,
  today: Date,
  partners: NsatPlanPartner[],
  ids: { partners: number[]; customers: number[] },
) {
  const plan = planNsat(seed, today, partners)
  for (let i = 0; i < plan.length; i += 1000)
    await tx.insert(nsatResponses).values(
      plan.slice(i, i + 1000).map((p) => ({
        partnerId: ids.partners[p.partnerIndex]!,
        customerId: p.customerIndex === null ? null : ids.customers[p.customerIndex]!,
        respondentName: p.name,
        respondentEmail: p.email,
        respondentKey: respondentKey(p.name, p.email),
        respondedOn: p.respondedOn,
        source: p.source,
        scale: p.scale,
        answer: p.answer,
        comment: p.comment,
        origin: 'import',
      })),
    )
  return { nsatResponses: plan.length }
}
// Keep the answer vocabulary in step with the domain: every planned answer must be one of its scale.
export const plannedAnswersValid = (plan: PlannedNsat[]) =>
  plan.every((p) => (nsatAnswers[p.scale] as readonly string[]).includes(p.answer))
