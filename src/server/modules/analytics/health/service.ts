import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { customerVisible, partnerVisible } from '#server/modules/access/scope'
import { customersRepository } from '#server/modules/customers/repository'
import { partnersRepository } from '#server/modules/partners/repository'
import { settingsInForce } from '#server/modules/settings/service'
import type { SubjectHealth } from '#shared/contracts/analytics'
import { monthEnd } from '#shared/domain/periods'
import { AppError } from '#shared/errors'
import { healthRepository, type StoredScore } from './repository'
import { scoreHealth } from './score'

/** Re-derives the factors from the stored inputs with the settings of the period: they add up to the score. */
async function explain(database: Database, s: StoredScore) {
  const { values } = await settingsInForce(database, s.period)
  const h = scoreHealth(s.inputs, values)
  return { ...s, factors: h.factors }
}

export function healthService(database: Database) {
  const repo = healthRepository(database.db)
  const customers = customersRepository(database.db)
  const partners = partnersRepository(database.db)
  return {
    async customer(actor: Actor, id: number, period?: string): Promise<SubjectHealth> {
      if (!(await customers.exists(customerVisible(actor), id))) throw AppError.notFound('Customer')
      const [history, stored] = await Promise.all([
        repo.history('customer', id),
        repo.score('customer', id, period ?? null),
      ])
      if (!stored) return { current: null, history, rows: [], rowsTotal: 0 }
      const [current, rows, rowsTotal] = await Promise.all([
        explain(database, stored),
        repo.customerRows(id, monthEnd(stored.period), partnerVisible(actor)),
        repo.customerEngagementCount(id),
      ])
      return { current, history, rows, rowsTotal }
    },
    async partner(actor: Actor, id: number, period?: string): Promise<SubjectHealth> {
      if (!(await partners.exists(partnerVisible(actor), id))) throw AppError.notFound('Partner')
      const [history, stored] = await Promise.all([
        repo.history('partner', id),
        repo.score('partner', id, period ?? null),
      ])
      if (!stored) return { current: null, history, rows: [], rowsTotal: 0 }
      const [current, { rows, total }] = await Promise.all([
        explain(database, stored),
        repo.partnerRows(id, monthEnd(stored.period), 200),
      ])
      return { current, history, rows, rowsTotal: total }
    },
  }
}
