import { nsatService } from '#server/modules/nsat/service'
import type { PartnerTotals, ScorecardSource } from './types'

/**
 * nsat_partner and nsat_customer (per period), from the NSAT module (decision 013): numerator = VSAT − DSAT,
 * denominator = valid responses, so the partners' counts add up before the NSAT is taken.
 */
export const nsatSource: ScorecardSource = {
  metrics: ['nsat_partner', 'nsat_customer'],
  async collect(ctx) {
    const service = nsatService(ctx.database)
    const perPeriod = await Promise.all(
      ctx.periods.map(async (p) => ({
        key: p.key,
        rows: await service.totalsByPartner(ctx.actor, ctx.filters, p, ctx.now),
      })),
    )
    const out: PartnerTotals[] = []
    for (const { key, rows } of perPeriod)
      for (const r of rows) {
        for (const [metric, c] of [
          ['nsat_partner', r.partnerResponses],
          ['nsat_customer', r.customerResponses],
        ] as const)
          if (c.valid > 0)
            out.push({
              metric,
              period: key,
              partnerId: r.partnerId,
              numerator: c.vsat - c.dsat,
              denominator: c.valid,
            })
      }
    return out
  },
}
