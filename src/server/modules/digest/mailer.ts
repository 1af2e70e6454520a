import nodemailer from 'nodemailer'

/** What the digest needs of an e-mail transport. */
export type Mailer = {
  send(message: { to: string; subject: string; text: string; html: string }): Promise<{ messageId: string }>
  close(): void
}

/** A nodemailer SMTP transport from `SMTP_URL` (smtp:// with STARTTLS when offered, smtps:// for TLS). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl)
  return {
    async send(message) {
      const info = await transport.sendMail({ from, ...message })
      return { messageId: info.messageId }
    },
    close: () => transport.close(),
  }
}
