import { z } from 'zod'
import { roles } from '#shared/domain/roles'
import { password } from './auth'

export const user = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  regionId: z.number().int().nullable(),
  regionName: z.string().nullable(),
  active: z.boolean(),
})
export type User = z.infer<typeof user>

export const userListQuery = z.object({ role: z.enum(roles).optional() })
export const userList = z.object({ items: z.array(user) })

export const createUserBody = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address'),
  displayName: z.string().trim().min(1, 'Enter a name').max(120),
  role: z.enum(roles),
  regionId: z.number().int().positive().nullable().default(null),
  password,
})
export type CreateUserBody = z.infer<typeof createUserBody>

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(roles),
    regionId: z.number().int().positive().nullable(),
    active: z.boolean(),
    password,
  })
  .partial()

export const region = z.object({ id: z.number().int(), name: z.string() })
export const regionList = z.object({ items: z.array(region) })

export const workload = z.object({ code: z.string(), name: z.string(), family: z.string() })
export const workloadList = z.object({ items: z.array(workload) })
