import { randomBytes } from 'node:crypto'

export type UploadFile = { name: string; content: string | Buffer; field?: string; type?: string }

/** A multipart/form-data body for `app.inject`: text fields, then the file parts. */
export function multipart(fields: Record<string, string>, ...files: UploadFile[]) {
  const boundary = `----trellis${randomBytes(8).toString('hex')}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    )
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'text/csv'}\r\n\r\n`,
      ),
      typeof f.content === 'string' ? Buffer.from(f.content) : f.content,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}
