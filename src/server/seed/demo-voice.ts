import type { Database } from '#db/client'
import { insightPlusOnes, insights, referrals, spotlights } from '#db/schema/index'
import { createRandom } from './random'

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0]

const INSIGHTS = [
  [
    'product',
    'EXO',
    'Migration batches over 500 mailboxes time out',
    'Batches above 500 mailboxes stall at 95 % in the migration dashboard; the partner splits them by hand, which adds a day per wave.',
  ],
  [
    'product',
    'TEAMS',
    'Teams Rooms licence assignment is not visible in the admin report',
    'The usage report does not show which rooms hold a Teams Rooms Pro licence, so the partner cannot plan the device roll-out.',
  ],
  [
    'product',
    'INTUNE',
    'Autopilot profile assignment delay',
    'New devices wait up to 40 minutes for their Autopilot profile; the customer’s OOBE window times out in branch offices.',
  ],
  [
    'process',
    'SPO',
    'Claim evidence rejected without a reason',
    'Two CPOR claims for SharePoint were rejected with no reason code; the partner cannot fix the evidence.',
  ],
  [
    'process',
    null,
    'Referral acceptance window too short over holidays',
    'Referrals received on a Friday before a public holiday expire before the partner’s team is back.',
  ],
  [
    'program',
    null,
    'Incentive statement arrives after the quarter closes',
    'The partner cannot reconcile delivery and incentive before their own quarter-end review.',
  ],
  [
    'product',
    'AADP',
    'Conditional Access what-if lacks device filters',
    'The what-if tool ignores device filters, so the partner cannot show the customer the effect before enabling a policy.',
  ],
  [
    'other',
    'OPP',
    'Office apps update channel guidance is contradictory',
    'The deployment guide and the admin centre recommend different update channels for the same scenario.',
  ],
  [
    'process',
    'TEAMS',
    'No Teams adoption materials in Portuguese',
    'The champion kit exists only in English and Spanish; Brazilian customers ask for Portuguese material.',
  ],
] as const

const STORIES = [
  {
    title: 'From stalled to live in six weeks',
    workloads: ['EXO', 'TEAMS'],
    situation:
      'The customer’s **tenant-to-tenant migration** had stalled after a merger: 4,000 mailboxes, two help desks, no shared plan.',
    actions:
      '- A weekly triage call with both IT teams\n- A pilot wave of 200 mailboxes to prove the runbook\n- Teams adoption sessions for the champions',
    outcome: 'All mailboxes moved in six weeks; Teams active use went from 22 % to 61 %.',
  },
  {
    title: 'Zero-touch devices for 60 branch offices',
    workloads: ['INTUNE', 'AADP'],
    situation: 'Branch staff waited days for a configured laptop; imaging was done by hand at head office.',
    actions:
      '- Autopilot with pre-provisioning at the reseller\n- Conditional Access requiring compliant devices\n- A one-page guide for branch managers',
    outcome: 'A new laptop is ready in under an hour on site; the help desk closed its imaging queue.',
  },
  {
    title: 'Secure collaboration for a hospital network',
    workloads: ['SPO', 'TEAMS'],
    situation: 'Clinicians shared patient rosters by e-mail attachment across five hospitals.',
    actions:
      '- Sensitivity-labelled SharePoint sites per ward\n- Teams shifts for the rosters\n- Training for 120 ward managers',
    outcome: 'No roster attachments by e-mail after two months; the DPO signed off the model for all sites.',
  },
  {
    title: 'Frontline workers on Teams in a retail chain',
    workloads: ['TEAMS'],
    situation: '3,000 store employees had no company e-mail and relied on personal messaging apps.',
    actions:
      '- F-licences and shared devices per store\n- Walkie-talkie and Shifts\n- Store-manager champions',
    outcome: '78 % of store employees active on Teams within 90 days.',
  },
] as const

const TENANTS = [
  'Northwind Logistics',
  'Tailspin Toys',
  'Fabrikam Health',
  'Wide World Importers',
  'Adventure Works Cycles',
  'Litware Energy',
  'Proseware Legal',
]
const REF_WORKLOADS = [['EXO'], ['TEAMS'], ['INTUNE', 'AADP'], ['SPO', 'TEAMS'], ['OPP']] as const

export type VoicePartner = {
  id: number
  fpmUserId: number
  status: string
  customers: number[]
  /** Who approves a story to share: the lead of the partner's region (the admin when none). */
  approverId: number
}

/**
 * The demo's voice of partner and customer and its referrals, deterministic per seed: most active partners have
 * a handful of insights (with +1s from their other customers) and spotlights in every approval state and some
 * referrals (a few left unanswered); about a third have none — the partners the FPM must drive.
 */
export async function writeDemoVoice(tx: Tx, seed: number, today: Date, partners: VoicePartner[]) {
  const rnd = createRandom(seed ^ 0x5f0ce)
  const day = 86_400_000
  const ago = (days: number, hour = 10) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days, hour))
  let nInsights = 0
  let nSpotlights = 0
  let nReferrals = 0
  for (const [k, p] of partners.entries()) {
    if (p.status === 'invited' || p.status === 'departed') continue
    // Every third partner submits nothing: the ones the FPM must drive.
    const quiet = k % 3 === 2
    if (!quiet) {
      for (const [j, [type, workload, title, description]] of rnd.sample(INSIGHTS, rnd.int(1, 4)).entries()) {
        const raised = rnd.int(5, 150)
        const status = rnd.pick([
          'new',
          'submitted',
          'submitted',
          'acknowledged',
          'addressed',
          'declined',
        ] as const)
        const submittedAt = status === 'new' ? null : ago(raised - 1)
        const closedAt =
          status === 'addressed' || status === 'declined'
            ? new Date(ago(raised).getTime() + rnd.int(10, 40) * day)
            : null
        const customerId =
          p.customers.length && rnd.chance(0.8) ? p.customers[(k + j) % p.customers.length] : null
        const [row] = await tx
          .insert(insights)
          .values({
            partnerId: p.id,
            customerId,
            workloadCode: workload,
            type,
            title,
            description,
            status,
            submittedBy: p.fpmUserId,
            submittedAt,
            closedAt: closedAt && closedAt < today ? closedAt : null,
            createdAt: ago(raised),
            updatedAt: ago(Math.max(0, raised - 2)),
          })
          .returning({ id: insights.id })
        nInsights++
        const plus = customerId
          ? [
              customerId,
              ...rnd.sample(
                p.customers.filter((c) => c !== customerId),
                rnd.int(0, 3),
              ),
            ]
          : []
        if (plus.length)
          await tx.insert(insightPlusOnes).values(
            plus.map((c, n) => ({
              insightId: row!.id,
              customerId: c,
              addedBy: p.fpmUserId,
              addedAt: ago(raised - n),
            })),
          )
      }
      for (const story of rnd.sample(STORIES, rnd.int(0, 2))) {
        const written = rnd.int(10, 120)
        const status = rnd.pick([
          'draft',
          'submitted',
          'approved_internal',
          'approved_public',
          'rejected',
        ] as const)
        const decided =
          status === 'approved_internal' || status === 'approved_public' || status === 'rejected'
        await tx.insert(spotlights).values({
          partnerId: p.id,
          customerId: p.customers.length ? p.customers[k % p.customers.length] : null,
          workloadCodes: [...story.workloads],
          title: story.title,
          situation: story.situation,
          actions: story.actions,
          outcome: story.outcome,
          status,
          createdBy: p.fpmUserId,
          submittedAt: status === 'draft' ? null : ago(written - 3),
          decidedBy: decided ? p.approverId : null,
          decidedAt: decided ? ago(written - 8) : null,
          decisionNote:
            status === 'approved_public'
              ? 'Customer consent to publish on file'
              : status === 'rejected'
                ? 'Needs measurable outcomes'
                : null,
          createdAt: ago(written),
          updatedAt: ago(Math.max(0, written - 8)),
        })
        nSpotlights++
      }
    }
    // Referrals: a few per active partner; the quiet ones leave theirs unanswered.
    if (p.status === 'active' || p.status === 'at_risk') {
      const n = rnd.int(0, 4)
      for (let j = 0; j < n; j++) {
        const received = rnd.int(1, 80)
        const answered = !quiet && (received > 10 ? rnd.chance(0.85) : rnd.chance(0.5))
        const status = answered
          ? rnd.pick(['accepted', 'accepted', 'declined'] as const)
          : received > 9 && rnd.chance(0.5)
            ? 'reassigned'
            : 'pending'
        const respondedAt =
          status === 'pending'
            ? null
            : ago(received - Math.min(received, status === 'reassigned' ? 7 : rnd.int(0, 3)), 15)
        await tx.insert(referrals).values({
          partnerId: p.id,
          customerTpid: String(7_000_000 + ((seed + k * 31 + j * 7) % 900_000)),
          customerName: rnd.pick(TENANTS),
          workloadCodes: [...rnd.pick(REF_WORKLOADS)],
          receivedAt: ago(received, 9),
          status,
          respondedAt,
          recordedBy: p.fpmUserId,
        })
        nReferrals++
      }
    }
  }
  return { insights: nInsights, spotlights: nSpotlights, referrals: nReferrals }
}
