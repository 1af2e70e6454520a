import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'

const tables = ['partners', 'customers', 'engagements', 'usage_snapshots', 'regions', 'users'] as const

/** Row counts of the portfolio tables: equal before and after means nothing was written. */
export async function tableCounts(database: Database): Promise<Record<(typeof tables)[number], number>> {
  const r = await database.sql.query<Record<string, number>>(
    `select ${tables.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`,
  )
  return r.rows[0] as Record<(typeof tables)[number], number>
}

/** An Actor for a fixture user row. */
export function actorOf(u: { id: number; role: string; regionId: number | null; email: string }): Actor {
  return { id: u.id, role: u.role as Actor['role'], regionId: u.regionId, email: u.email }
}
