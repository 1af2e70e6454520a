import { AppError, type ErrorBody } from '#shared/errors'

/** Query-string values; empty, null and undefined values are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>

export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

let onUnauthenticated: () => void = () => {}

/** Called when any API call answers 401 (except signing in): the app goes back to the sign-in page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler
}

function errorFrom(status: number, body: unknown): AppError {
  if (AppError.isErrorBody(body)) return AppError.fromBody(body as ErrorBody)
  if (status === 401) return new AppError('UNAUTHENTICATED', 'Sign in first')
  if (status === 403) return new AppError('FORBIDDEN', 'Your role cannot do this')
  if (status === 404) return new AppError('NOT_FOUND', 'Not found')
  return new AppError('INTERNAL', `The server answered ${status}`)
}

function handleUnauthenticated(path: string, error: AppError) {
  if (error.code === 'UNAUTHENTICATED' && !path.startsWith('/auth/')) onUnauthenticated()
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new AppError('INTERNAL', 'Cannot reach the Trellis server. Check your connection and try again.')
  }
  const text = await res.text()
  let data: unknown = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (!res.ok) {
    const error = errorFrom(res.status, data)
    handleUnauthenticated(path, error)
    throw error
  }
  return data as T
}

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>('GET', `${path}${toQueryString(params)}`),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
}

export type UploadOptions = {
  /** Called with 0..1 while the request body is sent. */
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

/** A multipart upload with XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function upload<T>(
  path: string,
  form: FormData,
  { onProgress, signal }: UploadOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api${path}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('accept', 'application/json')
    xhr.responseType = 'text'
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total)
    }
    xhr.upload.onload = () => onProgress?.(1)
    xhr.onerror = () => reject(new AppError('INTERNAL', 'The upload failed: the server could not be reached'))
    xhr.onabort = () => reject(new AppError('INTERNAL', 'The upload was cancelled'))
    xhr.onload = () => {
      let data: unknown = null
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        data = null
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T)
      const error = errorFrom(xhr.status, data)
      handleUnauthenticated(path, error)
      reject(error)
    }
    signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(form)
  })
}
