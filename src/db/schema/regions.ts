import { integer, pgTable, text } from 'drizzle-orm/pg-core'

export const regions = pgTable('regions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
})

export const workloads = pgTable('workloads', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  family: text('family').notNull(),
  sort: integer('sort').notNull(),
})
