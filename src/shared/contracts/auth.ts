import { z } from 'zod'
import { roles } from '#shared/domain/roles'

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address'),
  password: z.string().min(1, 'Enter your password'),
})
export type LoginBody = z.infer<typeof loginBody>

export const sessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  regionId: z.number().int().nullable(),
  regionName: z.string().nullable(),
})
export type SessionUser = z.infer<typeof sessionUser>

export const meResponse = z.object({ user: sessionUser })

export const password = z.string().min(10, 'Use at least 10 characters').max(200)

export const setupStatus = z.object({ needed: z.boolean() })
export const setupBody = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address'),
  displayName: z.string().trim().min(1, 'Enter a name').max(120),
  password,
})
