import { DateTime } from 'luxon'
import type { Database } from '#db/client'
import type { Env } from '#server/env'
import type { Actor } from '#server/modules/access/actor'
import type { DigestSettings } from '#shared/contracts/digest'
import { AppError } from '#shared/errors'
import { countsOf, type DigestCounts, digestContent, hasNews } from './content'
import { type Mailer, smtpMailer } from './mailer'
import { renderDigest } from './render'
import { type DigestRecipient, digestRepository } from './repository'

export type DigestConfig = {
  /** null when SMTP_URL is not set: digests are off (a dry run still works). */
  mailer: Mailer | null
  /** Every user's time zone (users have none of their own yet): TRELLIS_TIME_ZONE. */
  timeZone: string
  /** Local hour from which the scheduler sends the day's digest (DIGEST_HOUR). */
  hour: number
  /** Base of the links in the e-mail (TRELLIS_PUBLIC_URL, or http://localhost:PORT). */
  publicUrl: string
}

export function digestConfigFromEnv(env: Env): DigestConfig {
  return {
    mailer: env.SMTP_URL ? smtpMailer(env.SMTP_URL, env.MAIL_FROM) : null,
    timeZone: env.TRELLIS_TIME_ZONE,
    hour: env.DIGEST_HOUR,
    publicUrl: env.TRELLIS_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  }
}

export const digestStatuses = [
  'sent',
  'failed',
  'would-send',
  'already-sent',
  'nothing-to-report',
  'opted-out',
  'not-yet',
] as const
export type DigestStatus = (typeof digestStatuses)[number]

export type DigestOutcome = {
  email: string
  localDate: string
  status: DigestStatus
  counts?: DigestCounts
  subject?: string
  messageId?: string
  error?: string
}

export type SendOptions = {
  now?: Date
  /** Only this user (the CLI's --user). */
  onlyUserEmail?: string
  /** Build and report, send and record nothing. */
  dryRun?: boolean
  /** Send even if today's digest went out already (recorded as forced). */
  force?: boolean
  /** The scheduler: nobody before DIGEST_HOUR in their time zone. */
  fromHourOnly?: boolean
}

const actorOf = (u: DigestRecipient): Actor => ({
  id: u.id,
  role: u.role,
  regionId: u.regionId,
  email: u.email,
})

/** The daily digest e-mail (decision 011): who gets one, once per local day, and the opt-out. */
export function digestService(database: Database, config: DigestConfig) {
  const repo = digestRepository(database.db)

  async function sendOne(u: DigestRecipient, now: Date, o: SendOptions): Promise<DigestOutcome> {
    const local = DateTime.fromJSDate(now).setZone(config.timeZone)
    const localDate = local.toISODate()!
    const base = { email: u.email, localDate }
    if (!u.digestEnabled) return { ...base, status: 'opted-out' }
    if (o.fromHourOnly && local.hour < config.hour) return { ...base, status: 'not-yet' }
    if (!o.force && !o.dryRun && (await repo.taken(u.id, localDate)))
      return { ...base, status: 'already-sent' }
    const content = await digestContent(database, actorOf(u), now, config.timeZone)
    if (!hasNews(content)) return { ...base, status: 'nothing-to-report' }
    const counts = countsOf(content)
    const mail = renderDigest(content, u.displayName, config.publicUrl)
    if (o.dryRun) return { ...base, status: 'would-send', counts, subject: mail.subject }
    const claim = await repo.claim({
      userId: u.id,
      localDate,
      counts,
      subject: mail.subject,
      forced: !!o.force,
    })
    if (claim === null) return { ...base, status: 'already-sent' }
    try {
      const { messageId } = await config.mailer!.send({ to: u.email, ...mail })
      await repo.finish(claim, { messageId }, new Date())
      return { ...base, status: 'sent', counts, subject: mail.subject, messageId }
    } catch (err) {
      const error = (err as Error).message || String(err)
      await repo.finish(claim, { error }, new Date())
      return { ...base, status: 'failed', counts, subject: mail.subject, error }
    }
  }

  async function settings(actor: Actor): Promise<DigestSettings> {
    return {
      enabled: await repo.enabled(actor.id),
      emailConfigured: config.mailer !== null,
      hour: config.hour,
      timeZone: config.timeZone,
    }
  }

  return {
    /**
     * Sends each active user their digest of today (in their time zone) if there is something to act
     * on, at most once per local day. One user's failure is recorded and does not stop the others.
     */
    async sendDigests(o: SendOptions = {}): Promise<DigestOutcome[]> {
      if (!config.mailer && !o.dryRun)
        throw new AppError(
          'VALIDATION',
          'E-mail is not configured: set SMTP_URL (e.g. smtp://user:pass@smtp.example.com:587) and MAIL_FROM',
        )
      const now = o.now ?? new Date()
      const email = o.onlyUserEmail?.trim().toLowerCase()
      const recipients = await repo.recipients(email)
      if (email && recipients.length === 0) throw AppError.notFound(`Active user ${email}`)
      const outcomes: DigestOutcome[] = []
      for (const u of recipients) {
        try {
          outcomes.push(await sendOne(u, now, o))
        } catch (err) {
          // Building one digest failed (a bug or the database): the others still go out.
          outcomes.push({
            email: u.email,
            localDate: DateTime.fromJSDate(now).setZone(config.timeZone).toISODate()!,
            status: 'failed',
            error: (err as Error).message || String(err),
          })
        }
      }
      return outcomes
    },

    settings,

    /** Each user switches their own digest on or off (any role: it is theirs, not portfolio data). */
    async setEnabled(actor: Actor, enabled: boolean): Promise<DigestSettings> {
      await repo.setEnabled(actor.id, enabled)
      return settings(actor)
    },

    deliveries: (userId?: number) => repo.deliveries(userId),
  }
}
