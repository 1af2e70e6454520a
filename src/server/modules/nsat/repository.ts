import { type SQL, sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'
import { nsatResponses } from '#db/schema/index'
import type { NsatResponseListQuery } from '#shared/contracts/nsat'
import { type NsatMapping, nsatScales } from '#shared/domain/nsat'

export type NsatResponseRow = {
  id: number
  partnerId: number
  partnerName: string
  customerId: number | null
  customerName: string | null
  customerTpid: string | null
  respondentName: string | null
  respondentEmail: string | null
  respondedOn: string
  source: string
  scale: string
  answer: string
  comment: string | null
  origin: string
  createdAt: Date | string
}

/** Raw counts per partner (or per partner and bucket), split by source. */
export type NsatCountRow = {
  partnerId: number
  bucket: string | null
  pValid: number
  pVsat: number
  pDsat: number
  cValid: number
  cVsat: number
  cDsat: number
}

export type NsatPartnerFacts = {
  partnerId: number
  name: string
  regionId: number | null
  regionName: string | null
  fpmUserId: number | null
  fpmName: string | null
}

export type NsatInsert = typeof nsatResponses.$inferInsert

const textList = (values: readonly string[]) =>
  values.length
    ? sql`(${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : sql`(null)`

/** The class of a response under a mapping, as SQL: 'v', 'd', 'n', or null when excluded ("don't know"). */
function classSql(mapping: NsatMapping): SQL {
  const side = (key: 'vsat' | 'dsat') =>
    sql.join(
      nsatScales.map((s) => sql`(r.scale = ${s} and r.answer in ${textList(mapping[s][key])})`),
      sql` or `,
    )
  return sql`case when r.id is null or r.answer = 'na' then null when ${side('vsat')} then 'v' when ${side('dsat')} then 'd' else 'n' end`
}

export function nsatRepository(db: Db) {
  const select = sql`
    select r.id, r.partner_id as "partnerId", partners.name as "partnerName", r.customer_id as "customerId",
           c.name as "customerName", c.tpid as "customerTpid", r.respondent_name as "respondentName",
           r.respondent_email as "respondentEmail", r.responded_on::text as "respondedOn", r.source, r.scale,
           r.answer, r.comment, r.origin, r.created_at as "createdAt"
    from nsat_responses r
    join partners on partners.id = r.partner_id
    left join customers c on c.id = r.customer_id`

  return {
    /** Newest first; `scope` is a condition on `partners`. */
    async list(scope: SQL, q: NsatResponseListQuery) {
      const conds: SQL[] = [scope]
      if (q.partnerId) conds.push(sql`r.partner_id = ${q.partnerId}`)
      if (q.customerId) conds.push(sql`r.customer_id = ${q.customerId}`)
      if (q.source) conds.push(sql`r.source = ${q.source}`)
      if (q.from) conds.push(sql`r.responded_on >= ${q.from}::date`)
      if (q.to) conds.push(sql`r.responded_on < ${q.to}::date`)
      const where = sql.join(conds, sql` and `)
      const [items, [count]] = await Promise.all([
        execRows<NsatResponseRow>(
          db,
          sql`${select} where ${where} order by r.responded_on desc, r.id desc
              limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
        ),
        execRows<{ total: number }>(
          db,
          sql`select count(*)::int as total from nsat_responses r join partners on partners.id = r.partner_id where ${where}`,
        ),
      ])
      return { items, total: count?.total ?? 0 }
    },

    async find(id: number) {
      const [row] = await execRows<NsatResponseRow>(db, sql`${select} where r.id = ${id}`)
      return row
    },

    /** Inserts one response; undefined when its natural key is already taken. */
    async insert(values: NsatInsert) {
      const [row] = await db
        .insert(nsatResponses)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: nsatResponses.id })
      return row?.id
    },

    /**
     * The partners of `scope` (a condition on `partners`) with their responses dated in [from, to)
     * counted per source — one query. With `bucket` (an SQL expression on r.responded_on) one row per partner
     * and bucket; partners without responses come back once with zero counts and a null bucket.
     */
    counts(scope: SQL, mapping: NsatMapping, from: string, to: string, bucket?: SQL) {
      const count = (source: string, what: SQL) =>
        sql`count(*) filter (where k.source = ${source} and ${what})::int`
      const valid = sql`k.cls is not null`
      const zero = (name: string) => sql`coalesce(c.${sql.identifier(name)}, 0) as ${sql.identifier(name)}`
      return execRows<NsatCountRow & NsatPartnerFacts>(
        db,
        sql`with c as (
              select k.partner_id, k.bucket,
                     ${count('partner_survey', valid)} as "pValid",
                     ${count('partner_survey', sql`k.cls = 'v'`)} as "pVsat",
                     ${count('partner_survey', sql`k.cls = 'd'`)} as "pDsat",
                     ${count('customer_survey', valid)} as "cValid",
                     ${count('customer_survey', sql`k.cls = 'v'`)} as "cVsat",
                     ${count('customer_survey', sql`k.cls = 'd'`)} as "cDsat"
              from (select r.partner_id, r.source, ${bucket ?? sql`null::text`} as bucket, ${classSql(mapping)} as cls
                    from nsat_responses r
                    where r.partner_id in (select partners.id from partners where ${scope})
                      and r.responded_on >= ${from}::date and r.responded_on < ${to}::date) k
              group by k.partner_id, k.bucket
            )
            select partners.id as "partnerId", partners.name, partners.region_id as "regionId", rg.name as "regionName",
                   partners.fpm_user_id as "fpmUserId", u.display_name as "fpmName", c.bucket,
                   ${zero('pValid')}, ${zero('pVsat')}, ${zero('pDsat')}, ${zero('cValid')}, ${zero('cVsat')}, ${zero('cDsat')}
            from partners
            left join regions rg on rg.id = partners.region_id
            left join users u on u.id = partners.fpm_user_id
            left join c on c.partner_id = partners.id
            where ${scope}
            order by partners.name, partners.id`,
      )
    },

    /** Upserts imported responses on their natural key; counts what was inserted and what changed. */
    async upsert(tx: Db, rows: NsatInsert[]) {
      let inserted = 0
      let updated = 0
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500)
        const out = await execRows<{ inserted: boolean }>(
          tx,
          sql`insert into nsat_responses (partner_id, customer_id, respondent_name, respondent_email, respondent_key,
                responded_on, source, scale, answer, comment, recorded_by, origin)
              values ${sql.join(
                chunk.map(
                  (r) =>
                    sql`(${r.partnerId}, ${r.customerId ?? null}, ${r.respondentName ?? null}, ${r.respondentEmail ?? null},
                         ${r.respondentKey}, ${r.respondedOn}::date, ${r.source}, ${r.scale}, ${r.answer},
                         ${r.comment ?? null}, ${r.recordedBy ?? null}, ${r.origin})`,
                ),
                sql`, `,
              )}
              on conflict (respondent_key, partner_id, coalesce(customer_id, 0), responded_on, source) do update set
                respondent_name = excluded.respondent_name, respondent_email = excluded.respondent_email,
                scale = excluded.scale, answer = excluded.answer, comment = excluded.comment, updated_at = now()
              where (nsat_responses.scale, nsat_responses.answer, nsat_responses.comment,
                     nsat_responses.respondent_name, nsat_responses.respondent_email)
                is distinct from (excluded.scale, excluded.answer, excluded.comment,
                                  excluded.respondent_name, excluded.respondent_email)
              returning (xmax = 0) as inserted`,
        )
        for (const r of out) r.inserted ? inserted++ : updated++
      }
      return { inserted, updated }
    },

    /** Partners by Partner ID and by name (lower case) within `scope`, for the importer. */
    partnersIn(scope: SQL) {
      return execRows<{ id: number; programId: string; name: string }>(
        db,
        sql`select partners.id, partners.program_id as "programId", partners.name from partners
            where ${scope} and partners.archived_at is null`,
      )
    },

    /** Customers with these TPIDs and the partners they belong to (primary or engaged). */
    customersByTpid(tpids: string[]) {
      if (!tpids.length) return Promise.resolve([])
      return execRows<{ id: number; tpid: string; partnerIds: number[] }>(
        db,
        sql`select c.id, c.tpid,
                   array_remove(array_agg(distinct g.partner_id) || array[c.primary_partner_id], null) as "partnerIds"
            from customers c left join engagements g on g.customer_id = c.id
            where c.archived_at is null and c.tpid in ${textList(tpids)}
            group by c.id, c.tpid`,
      )
    },
  }
}
