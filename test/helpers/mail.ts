import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** One message as the SMTP server received it: envelope, raw RFC 822 text and its decoded parts. */
export type ReceivedMail = {
  from: string
  to: string[]
  raw: string
  subject: string
  headers: Record<string, string>
  text: string
  html: string
}

/**
 * A real SMTP server on a random loopback port (no auth, no TLS) that keeps every message it accepts.
 * Recipients in `reject` are refused at RCPT TO, as a full mailbox or an unknown address would be.
 */
export async function startSmtpServer() {
  const messages: ReceivedMail[] = []
  const reject = new Set<string>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (reject.has(address.address)) return callback(new Error('550 Mailbox unavailable'))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMail(raw),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    reject,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A port nothing listens on: an SMTP server that is down. */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import('node:net')
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const port = (s.address() as AddressInfo).port
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return `smtp://127.0.0.1:${port}`
}

function decodeQp(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h) => `%${h}`)
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'))
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'quoted-printable') return decodeQp(body)
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  return body
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) in a header value. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQp(text.replace(/_/g, ' ')),
    )
}

function headersOf(block: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim())
  }
  return headers
}

/** Headers and the text/plain and text/html parts of a (multipart/alternative) message. */
export function parseMail(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/)
  const headers = headersOf(head!)
  const body = rest.join('\r\n\r\n')
  const parts: Record<string, string> = {}
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1]
  const chunks = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`]
  for (const chunk of chunks) {
    const [h, ...b] = chunk.replace(/^\r?\n/, '').split(/\r?\n\r?\n/)
    const ph = headersOf(h!)
    const type = (ph['content-type'] ?? 'text/plain').split(';')[0]!.trim()
    parts[type] = decodeBody(b.join('\r\n\r\n'), ph['content-transfer-encoding']?.toLowerCase())
  }
  return {
    headers,
    subject: headers.subject ?? '',
    text: parts['text/plain'] ?? '',
    html: parts['text/html'] ?? '',
  }
}
