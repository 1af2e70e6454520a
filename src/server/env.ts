import { IANAZone } from 'luxon'
import { z } from 'zod'

/** The environment, validated once at start; a bad value stops the process with a clear message. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TRELLIS_DATA_DIR: z.string().default('./data'),
  TRELLIS_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The daily digest e-mail (decision 011): off without SMTP_URL.
  SMTP_URL: z
    .string()
    .refine(
      (v) => /^smtps?:$/.test(urlOrNull(v)?.protocol ?? '') && !!urlOrNull(v)?.hostname,
      'SMTP_URL must be a URL like smtp://user:pass@host:587 or smtps://user:pass@host:465',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z
    .string()
    .regex(
      /^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/,
      'MAIL_FROM must be an address: trellis@example.com or "Trellis <trellis@example.com>"',
    )
    .default('Trellis <trellis@localhost>'),
  DIGEST_HOUR: z.coerce
    .number()
    .int()
    .min(0, 'DIGEST_HOUR is an hour from 0 to 23')
    .max(23, 'DIGEST_HOUR is an hour from 0 to 23')
    .default(7),
  TRELLIS_TIME_ZONE: z
    .string()
    .refine(
      (v) => IANAZone.isValidZone(v),
      'TRELLIS_TIME_ZONE must be an IANA time zone such as Europe/Berlin or UTC',
    )
    .default('UTC'),
  TRELLIS_PUBLIC_URL: z
    .string()
    .refine(
      (v) => /^https?:$/.test(urlOrNull(v)?.protocol ?? ''),
      'TRELLIS_PUBLIC_URL must start with http:// or https://',
    )
    .transform((v) => v.replace(/\/+$/, ''))
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

function urlOrNull(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

export type Env = z.infer<typeof envSchema>

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return parsed.data
}
