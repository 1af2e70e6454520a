import { and, eq, type SQL, sql } from 'drizzle-orm'
import type { Database, Db } from '#db/client'
import { partners } from '#db/schema/index'
import { type Actor, assertWriter } from '#server/modules/access/actor'
import { guardPartnerWrite } from '#server/modules/access/guard'
import { type ProgramFilters, programScope } from '#server/modules/access/program-scope'
import { partnerEditable, partnerVisible } from '#server/modules/access/scope'
import { customerOfPartner } from '#server/modules/customers/belongs'
import { loadVersions, resolverOf } from '#server/modules/settings/service'
import type {
  NsatImportResult,
  NsatOverview,
  NsatPair,
  NsatQuery,
  NsatResponse,
  NsatResponseListQuery,
  NsatRollup,
  NsatScore,
  NsatTrendPoint,
  PartnerNsat,
  RecordNsatBody,
} from '#shared/contracts/nsat'
import type { ProgramSettingsValues } from '#shared/contracts/settings'
import { parsePeriod, quarterOf } from '#shared/domain/cadence'
import {
  fiscalYearOf,
  isLowN,
  type NsatCounts,
  type NsatPeriod,
  nsat,
  onTarget,
  parseNsatPeriod,
  respondentKey,
  sumCounts,
} from '#shared/domain/nsat'
import { addDays, addMonths } from '#shared/domain/periods'
import { AppError } from '#shared/errors'
import { readNsatFile } from './import'
import { type NsatCountRow, type NsatInsert, type NsatResponseRow, nsatRepository } from './repository'

export type NsatFilters = ProgramFilters
export type NsatSettings = ProgramSettingsValues['nsat']
/** One partner's raw counts of valid, VSAT and DSAT responses in a period, per source (Σ-able). */
export type NsatTotals = {
  partnerId: number
  fpmUserId: number | null
  regionId: number | null
  partnerResponses: NsatCounts
  customerResponses: NsatCounts
}

const toResponse = (r: NsatResponseRow): NsatResponse =>
  ({ ...r, createdAt: new Date(r.createdAt).toISOString() }) as NsatResponse
const today = (now: Date) => now.toISOString().slice(0, 10)
const partnerCounts = (r: NsatCountRow): NsatCounts => ({ valid: r.pValid, vsat: r.pVsat, dsat: r.pDsat })
const customerCounts = (r: NsatCountRow): NsatCounts => ({ valid: r.cValid, vsat: r.cVsat, dsat: r.cDsat })

/** Counts → the score shown: NSAT, low n and on target under the settings of the period. */
export function scoreOf(c: NsatCounts, s: NsatSettings): NsatScore {
  const score = nsat(c)
  return { ...c, nsat: score, lowN: isLowN(c, s.minResponses), onTarget: onTarget(score, s.target) }
}
const pairOf = (p: NsatCounts, c: NsatCounts, s: NsatSettings): NsatPair => ({
  partner: scoreOf(p, s),
  customer: scoreOf(c, s),
})

/** NSAT of partners (docs/metrics.md "NSAT", decision 013). */
export function nsatService(database: Database) {
  const repo = nsatRepository(database.db)

  const scopeOf = programScope

  /** The NSAT settings of a period: the set in force on its last day, or today while the period runs. */
  async function settingsResolver(now: Date) {
    const resolve = resolverOf(await loadVersions(database))
    return (period: { to: string }) => {
      const last = [addDays(period.to, -1), today(now)].sort()[0]!
      return resolve(last).values.nsat
    }
  }

  /** Per partner of the scope, raw counts in [from, to) under the settings of the period. */
  async function totals(scope: SQL, period: { from: string; to: string }, s: NsatSettings) {
    return repo.counts(scope, s.mapping, period.from, period.to)
  }

  /** Points of a trend, each under its own settings; one query per settings set in force (usually one). */
  async function trendOf(
    scope: SQL,
    points: NsatPeriod[],
    bucket: SQL,
    settingsOf: (p: NsatPeriod) => NsatSettings,
  ): Promise<NsatTrendPoint[]> {
    const groups = new Map<NsatSettings, NsatPeriod[]>()
    for (const p of points) {
      const s = settingsOf(p)
      groups.set(s, [...(groups.get(s) ?? []), p])
    }
    const byKey = new Map<string, { p: NsatCounts[]; c: NsatCounts[]; s: NsatSettings }>()
    for (const [s, list] of groups) {
      const rows = await repo.counts(scope, s.mapping, list[0]!.from, list.at(-1)!.to, bucket)
      for (const p of list) byKey.set(p.key, { p: [], c: [], s })
      for (const r of rows) {
        const slot = r.bucket ? byKey.get(r.bucket) : undefined
        if (!slot || slot.s !== s) continue
        slot.p.push(partnerCounts(r))
        slot.c.push(customerCounts(r))
      }
    }
    return points.map((p) => {
      const slot = byKey.get(p.key)!
      return { ...p, ...pairOf(sumCounts(slot.p), sumCounts(slot.c), slot.s) }
    })
  }

  const quarterBucket = sql`to_char(r.responded_on, 'YYYY') || '-Q' || extract(quarter from r.responded_on)::int`
  const monthBucket = sql`to_char(r.responded_on, 'YYYY-MM')`

  return {
    /**
     * The seam for scorecards and rules: one row per live partner of the actor's scope with the raw counts
     * of its responses dated in [from, to), under the NSAT mapping of the period (one query).
     */
    async totalsByPartner(
      actor: Actor,
      filters: NsatFilters,
      period: { from: string; to: string },
      now = new Date(),
    ): Promise<NsatTotals[]> {
      const s = (await settingsResolver(now))(period)
      const rows = await totals(scopeOf(actor, filters), period, s)
      return rows.map((r) => ({
        partnerId: r.partnerId,
        fpmUserId: r.fpmUserId,
        regionId: r.regionId,
        partnerResponses: partnerCounts(r),
        customerResponses: customerCounts(r),
      }))
    },

    /** The settings (mapping, target, minimum n) that govern a period: for computing NSAT vs target. */
    async settingsFor(period: { from: string; to: string }, now = new Date()): Promise<NsatSettings> {
      return (await settingsResolver(now))(period)
    },

    async list(actor: Actor, q: NsatResponseListQuery) {
      const { items, total } = await repo.list(partnerVisible(actor), q)
      return { items: items.map(toResponse), total, page: q.page, pageSize: q.pageSize }
    },

    /** Writers record a response on a partner they may edit; the same respondent, partner, customer, date and source twice is a conflict. */
    async record(actor: Actor, partnerId: number, body: RecordNsatBody, now = new Date()) {
      await guardPartnerWrite(
        actor,
        'Partner',
        async (scope) => (await repo.partnersIn(and(scope, eq(partners.id, partnerId))!)).length > 0,
      )
      if (body.respondedOn > today(now))
        throw new AppError('VALIDATION', 'A response is recorded once it was given', [
          { path: ['respondedOn'], message: 'Choose today or an earlier date' },
        ])
      if (body.customerId && !(await customerOfPartner(database.db, body.customerId, partnerId)))
        throw new AppError('VALIDATION', 'The customer is not a customer of this partner', [
          { path: ['customerId'], message: 'Choose a customer of this partner' },
        ])
      const id = await repo.insert({
        partnerId,
        customerId: body.customerId ?? null,
        respondentName: body.respondentName ?? null,
        respondentEmail: body.respondentEmail ?? null,
        respondentKey: respondentKey(body.respondentName, body.respondentEmail),
        respondedOn: body.respondedOn,
        source: body.source,
        scale: body.scale,
        answer: body.answer,
        comment: body.comment ?? null,
        recordedBy: actor.id,
        origin: 'form',
      })
      if (id === undefined)
        throw new AppError(
          'CONFLICT',
          'This respondent’s answer for this partner, customer, date and survey is already recorded',
          [{ path: ['respondedOn'], message: 'Already recorded for this date' }],
        )
      return toResponse((await repo.find(id))!)
    },

    /** Partners, FPMs and regions of the scope in a period (the current fiscal year by default). */
    async overview(actor: Actor, q: NsatQuery, now = new Date()): Promise<NsatOverview> {
      const period = parseNsatPeriod(q.period ?? fiscalYearOf(today(now)))!
      const settingsOf = await settingsResolver(now)
      const s = settingsOf(period)
      const scope = scopeOf(actor, q)
      // The four quarters up to the period's last one, or up to today's while the period runs.
      const lastQuarter = parsePeriod(quarterOf([addDays(period.to, -1), today(now)].sort()[0]!))!
      const quarters = [-9, -6, -3, 0].map((m) => {
        const from = addMonths(lastQuarter.from, m)
        return parsePeriod(quarterOf(from))!
      })
      const [rows, trend] = await Promise.all([
        totals(scope, period, s),
        trendOf(scope, quarters, quarterBucket, settingsOf),
      ])
      const partnerRows = rows.map((r) => ({
        partnerId: r.partnerId,
        name: r.name,
        regionId: r.regionId,
        regionName: r.regionName,
        fpmUserId: r.fpmUserId,
        fpmName: r.fpmName,
        ...pairOf(partnerCounts(r), customerCounts(r), s),
      }))
      const group = (
        key: (
          r: NsatCountRow & {
            name: string
            regionName: string | null
            fpmName: string | null
            regionId: number | null
            fpmUserId: number | null
          },
        ) => [number | null, string],
      ) => {
        const map = new Map<number | null, { name: string; rows: NsatCountRow[] }>()
        for (const r of rows) {
          const [id, name] = key(r)
          const g = map.get(id) ?? { name, rows: [] }
          g.rows.push(r)
          map.set(id, g)
        }
        return [...map]
          .map(([id, g]) => rollup(id, g.name, g.rows, s))
          .sort((a, b) => a.name.localeCompare(b.name))
      }
      return {
        period,
        settings: { target: s.target, minResponses: s.minResponses },
        totals: rollup(null, 'All partners', rows, s),
        byRegion: group((r) => [r.regionId, r.regionName ?? 'No region']),
        byFpm: group((r) => [r.fpmUserId, r.fpmName ?? 'No partner manager']),
        partners: partnerRows,
        trend,
      }
    },

    /** One partner: the last 12 months, and six quarters or twelve months of trend. */
    async partner(
      actor: Actor,
      id: number,
      q: { grain: 'month' | 'quarter' },
      now = new Date(),
    ): Promise<PartnerNsat> {
      const scope = scopeOf(actor, { partnerId: id }, false)
      const settingsOf = await settingsResolver(now)
      const end = addDays(today(now), 1)
      const current = { key: 'last-12-months', from: addMonths(end, -12), to: end }
      const thisMonth = `${today(now).slice(0, 7)}-01`
      const points =
        q.grain === 'month'
          ? Array.from({ length: 12 }, (_, i) => parsePeriod(addMonths(thisMonth, i - 11).slice(0, 7))!)
          : Array.from({ length: 6 }, (_, i) => parsePeriod(quarterOf(addMonths(thisMonth, 3 * (i - 5))))!)
      const s = settingsOf(current)
      const [rows, trend] = await Promise.all([
        totals(scope, current, s),
        trendOf(scope, points, q.grain === 'month' ? monthBucket : quarterBucket, settingsOf),
      ])
      const row = rows[0]
      if (!row) throw AppError.notFound('Partner')
      return {
        partnerId: id,
        settings: { target: s.target, minResponses: s.minResponses },
        current: {
          from: current.from,
          to: current.to,
          ...pairOf(partnerCounts(row), customerCounts(row), s),
        },
        trend,
      }
    },

    /**
     * Imports a file of responses: every row valid or nothing is written (one transaction); a row already
     * stored (same natural key) is updated, not duplicated. With `dryRun` the same checks and counts, then
     * rolled back. Writers only; an FPM names only their own partners.
     */
    async importFile(
      actor: Actor,
      file: { path: string },
      opts: { dryRun: boolean },
      now = new Date(),
    ): Promise<NsatImportResult> {
      assertWriter(actor)
      const { rows, issues, unknownColumns } = await readNsatFile(file.path, today(now))
      const mine = await repo.partnersIn(partnerEditable(actor))
      const byProgramId = new Map(mine.map((p) => [p.programId.toLowerCase(), p]))
      const byName = new Map<string, (typeof mine)[number][]>()
      for (const p of mine) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p])
      const customers = new Map(
        (await repo.customersByTpid([...new Set(rows.map((r) => r.tpid).filter(Boolean))])).map((c) => [
          c.tpid,
          c,
        ]),
      )
      const seen = new Map<string, number>()
      const values: NsatInsert[] = []
      for (const r of rows) {
        const issue = (column: string, value: string, message: string) => {
          if (issues.length < 1000) issues.push({ row: r.row, column, value, message })
        }
        let partner: (typeof mine)[number] | undefined
        if (r.partnerId) {
          partner = byProgramId.get(r.partnerId.toLowerCase())
          if (!partner) {
            issue('Partner ID', r.partnerId, 'No partner you can edit has this Partner ID')
            continue
          }
          if (r.partnerName && r.partnerName.toLowerCase() !== partner.name.toLowerCase()) {
            issue('Partner name', r.partnerName, `Partner ID ${r.partnerId} is ${partner.name}`)
            continue
          }
        } else {
          const found = byName.get(r.partnerName.toLowerCase()) ?? []
          if (found.length !== 1) {
            issue(
              'Partner name',
              r.partnerName,
              found.length
                ? 'Several partners have this name: give the Partner ID'
                : 'No partner you can edit has this name',
            )
            continue
          }
          partner = found[0]!
        }
        let customerId: number | null = null
        if (r.tpid) {
          const c = customers.get(r.tpid)
          if (!c?.partnerIds.includes(partner.id)) {
            issue('Customer TPID', r.tpid, `No customer of ${partner.name} has this TPID`)
            continue
          }
          customerId = c.id
        }
        const key = [r.respondentKey, partner.id, customerId ?? 0, r.respondedOn, r.source].join('|')
        const first = seen.get(key)
        if (first !== undefined) {
          issue(
            'Date',
            r.respondedOn,
            `Repeats row ${first}: the same respondent, partner, customer, date and source`,
          )
          continue
        }
        seen.set(key, r.row)
        values.push({
          partnerId: partner.id,
          customerId,
          respondentName: r.respondentName,
          respondentEmail: r.respondentEmail,
          respondentKey: r.respondentKey,
          respondedOn: r.respondedOn,
          source: r.source,
          scale: r.scale,
          answer: r.answer,
          comment: r.comment,
          recordedBy: actor.id,
          origin: 'import',
        })
      }
      if (issues.length) {
        issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
        throw new AppError(
          'VALIDATION',
          `${issues.length >= 1000 ? 'At least 1,000' : issues.length} problem${issues.length === 1 ? '' : 's'} in the file; nothing was imported. Fix ${issues.length === 1 ? 'it' : 'them'} and import the whole file again.`,
          issues,
        )
      }
      const rollback = new Error('dry run')
      let counts = { inserted: 0, updated: 0 }
      try {
        await database.db.transaction(async (tx) => {
          counts = await repo.upsert(tx as unknown as Db, values)
          if (opts.dryRun) throw rollback
        })
      } catch (err) {
        if (err !== rollback) throw err
      }
      return {
        dryRun: opts.dryRun,
        rows: values.length,
        ...counts,
        unchanged: values.length - counts.inserted - counts.updated,
        unknownColumns,
      }
    },
  }
}

function rollup(id: number | null, name: string, rows: NsatCountRow[], s: NsatSettings): NsatRollup {
  return {
    id,
    name,
    partners: rows.length,
    ...pairOf(sumCounts(rows.map(partnerCounts)), sumCounts(rows.map(customerCounts)), s),
  }
}
