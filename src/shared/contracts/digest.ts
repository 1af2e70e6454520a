import { z } from 'zod'

/** My daily digest e-mail: whether I get it, and when it goes out (decision 011). */
export const digestSettings = z.object({
  enabled: z.boolean(),
  /** False when the server has no SMTP_URL: no digest goes out at all. */
  emailConfigured: z.boolean(),
  /** Local hour from which the day's digest is sent. */
  hour: z.number().int(),
  timeZone: z.string(),
})
export type DigestSettings = z.infer<typeof digestSettings>

export const digestSettingsBody = z.object({ enabled: z.boolean() })
export type DigestSettingsBody = z.infer<typeof digestSettingsBody>
