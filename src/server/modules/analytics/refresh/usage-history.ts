import type { SqlClient } from '#db/client'

/** Above this many customer × workloads without stored facts, one pass over the snapshots beats index probes. */
const PROBE_LIMIT = 20_000

const below = (s: string) =>
  `(${s}.licensed_users = 0 or ${s}.active_users < $2::float8 * ${s}.licensed_users)`

/** The order that picks one snapshot of a date: graph_csv over portfolio, then source descending (as everywhere). */
const newestFirst = `as_of desc, (source = 'graph_csv') desc, source desc`

/**
 * Per customer × workload, over the snapshots `rows` yields (`s`, dated on or before $1): the high-water
 * mark, the newest date below the share, the first date, the first date after that dip, the newest snapshot
 * and the newest one of an earlier month than it (the trend's previous value). The newest of each side is
 * picked by row_number, not by ordered aggregates: those sort every group on its own (seconds on 300,000).
 */
const summarise = (rows: string) => `
  select customer_id, workload_code, max(active_users) as peak, max(lb) as last_below, min(as_of) as first_on,
         min(as_of) filter (where as_of > lb) as since,
         max(as_of) as latest_on,
         max(licensed_users) filter (where rn = 1 and not earlier) as latest_lic,
         max(active_users) filter (where rn = 1 and not earlier) as latest_act,
         max(as_of) filter (where earlier) as prior_on,
         max(licensed_users) filter (where rn = 1 and earlier) as prior_lic,
         max(active_users) filter (where rn = 1 and earlier) as prior_act
  from (
    select y.*, row_number() over (partition by customer_id, workload_code, earlier order by ${newestFirst}) as rn
    from (
      select s.customer_id, s.workload_code, s.as_of, s.source, s.licensed_users, s.active_users,
             max(s.as_of) filter (where ${below('s')}) over w as lb,
             s.as_of < date_trunc('month', max(s.as_of) over w) as earlier
      ${rows}
      window w as (partition by s.customer_id, s.workload_code)
    ) y
  ) x
  group by customer_id, workload_code`

/** The columns of usage_win, in summarise()'s order. */
const winColumns = `customer_id, workload_code, peak, last_below, first_on, since, latest_on, latest_lic, latest_act,
  prior_on, prior_lic, prior_act`

/**
 * Builds `usage_hist`: for every customer × workload of the engagements in `analytics_eng`, what the
 * refresh and the opportunity rules need of its usage history up to the period's end ($1) — the newest
 * snapshot and the newest one of an earlier month (for the scores' usage and trend), the high-water mark
 * of active users, the newest snapshot below the success-review share and the first one after it — and
 * stores it in `usage_history_facts`.
 *
 * Incremental: a stored row (same share, `through` on or before the period's end) stands for every snapshot
 * dated on or before its `through` (the trigger on usage_snapshots deletes it when one of those is written
 * or removed), so only the snapshots dated after it are read: one pass over the snapshots keeping those of
 * the last month or so. A customer × workload without a row (new, or its history changed) reads its whole
 * history: by index probes when few do, in the same pass over every snapshot when many do (a new database,
 * a changed share, an older period). `whole`: analytics_eng holds every live engagement, so the stored rows
 * are replaced.
 */
export async function buildUsageHistory(
  tx: SqlClient,
  periodEnd: string,
  successShare: number,
  whole: boolean,
) {
  const params = [periodEnd, successShare]
  await tx.query('drop table if exists usage_hist_prev')
  await tx.query(
    `create temp table usage_hist_prev on commit drop as
     select cw.customer_id, cw.workload_code, f.through, f.peak, f.last_below, f.share_since,
            f.latest_on, f.latest_licensed, f.latest_active, f.prior_licensed, f.prior_active
     from (select distinct customer_id, workload_code from analytics_eng) cw
     left join usage_history_facts f on f.customer_id = cw.customer_id and f.workload_code = cw.workload_code
       and f.through <= $1::date and f.success_share = $2::float8`,
    params,
  )
  const { rows } = await tx.query<{ unknown: number; lo: string | null }>(
    `select count(*) filter (where through is null)::int as unknown, min(through)::text as lo from usage_hist_prev`,
  )
  const unknown = rows[0]?.unknown ?? 0
  const lo = rows[0]?.lo ?? null
  // The snapshots after the stored facts: one pass, keeping those dated after the oldest `through`.
  await tx.query('drop table if exists usage_win')
  await tx.query(
    `create temp table usage_win on commit drop as ${summarise(
      `from usage_snapshots s join usage_hist_prev h on h.customer_id = s.customer_id
         and h.workload_code = s.workload_code and h.through is not null and s.as_of > h.through
       where s.as_of > $3::date and s.as_of <= $1::date`,
    )}`,
    [...params, lo ?? 'infinity'],
  )
  // The whole history of those without stored facts.
  if (unknown > PROBE_LIMIT)
    await tx.query(
      `insert into usage_win (${winColumns}) ${summarise(
        `from usage_snapshots s join usage_hist_prev h on h.customer_id = s.customer_id
           and h.workload_code = s.workload_code and h.through is null
         where s.as_of <= $1::date`,
      )}`,
      params,
    )
  else if (unknown > 0)
    await tx.query(
      `insert into usage_win (${winColumns})
       select h.customer_id, h.workload_code, w.peak, w.last_below, w.first_on, w.since, w.latest_on, w.latest_lic,
              w.latest_act, w.prior_on, w.prior_lic, w.prior_act
       from usage_hist_prev h cross join lateral (${summarise(
         `from usage_snapshots s where s.customer_id = h.customer_id and s.workload_code = h.workload_code
            and s.as_of <= $1::date`,
       )}) w
       where h.through is null`,
      params,
    )
  // Stored facts + the snapshots after them = the facts up to the period's end. The newest snapshot of an
  // earlier month than the newest one: the window's own when it has one; else the stored newest when that is
  // of an earlier month; else the stored one before it.
  await tx.query('drop table if exists usage_hist')
  await tx.query(
    `create temp table usage_hist on commit drop as
     select h.customer_id, h.workload_code, greatest(h.peak, w.peak) as peak,
            coalesce(w.last_below, h.last_below) as last_below,
            case when w.last_below is not null then w.since else coalesce(h.share_since, w.first_on) end as share_since,
            coalesce(w.latest_on, h.latest_on) as latest_on,
            case when w.latest_on is null then h.latest_lic else w.latest_lic end as latest_lic,
            case when w.latest_on is null then h.latest_act else w.latest_act end as latest_act,
            case when w.latest_on is null then h.prior_lic when w.prior_on is not null then w.prior_lic
                 when h.latest_on < date_trunc('month', w.latest_on) then h.latest_lic else h.prior_lic end as prior_lic,
            case when w.latest_on is null then h.prior_act when w.prior_on is not null then w.prior_act
                 when h.latest_on < date_trunc('month', w.latest_on) then h.latest_act else h.prior_act end as prior_act
     from (select customer_id, workload_code, through, peak, last_below, share_since, latest_on,
                  latest_licensed as latest_lic, latest_active as latest_act, prior_licensed as prior_lic,
                  prior_active as prior_act from usage_hist_prev) h
     left join usage_win w on w.customer_id = h.customer_id and w.workload_code = h.workload_code`,
  )
  // Row counts for the planner: joined with the engagements by hash rather than sorted and merged.
  await tx.query('analyze usage_hist')
  const stored = `customer_id, workload_code, through, success_share, peak, last_below, share_since, latest_on,
    latest_licensed, latest_active, prior_licensed, prior_active`
  const values = `customer_id, workload_code, $1::date, $2::float8, peak, last_below, share_since, latest_on,
    latest_lic, latest_act, prior_lic, prior_act`
  if (whole) {
    // Rewritten in key order rather than updated in place: a few seconds less on PGlite, and no dead rows.
    await tx.query('truncate usage_history_facts')
    await tx.query(
      `insert into usage_history_facts (${stored})
       select ${values} from usage_hist order by customer_id, workload_code`,
      params,
    )
  } else
    await tx.query(
      `insert into usage_history_facts (${stored})
       select ${values} from usage_hist
       on conflict (customer_id, workload_code) do update set through = excluded.through,
         success_share = excluded.success_share, peak = excluded.peak, last_below = excluded.last_below,
         share_since = excluded.share_since, latest_on = excluded.latest_on,
         latest_licensed = excluded.latest_licensed, latest_active = excluded.latest_active,
         prior_licensed = excluded.prior_licensed, prior_active = excluded.prior_active`,
      params,
    )
}
