import { sql } from 'drizzle-orm'
import { type Db, execRows } from '#db/client'

/** Whether a non-archived customer belongs to a partner: it is its primary partner, or engaged with it. */
export async function customerOfPartner(db: Db, customerId: number, partnerId: number): Promise<boolean> {
  const rows = await execRows<{ ok: boolean }>(
    db,
    sql`select true as ok from customers c where c.id = ${customerId} and c.archived_at is null and
          (c.primary_partner_id = ${partnerId} or exists (select 1 from engagements g
             where g.customer_id = c.id and g.partner_id = ${partnerId}))`,
  )
  return rows.length > 0
}
