import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { registerErrorHandler } from '#server/plugins/errors'
import { AppError, AppErrorCode, statusByCode } from '#shared/errors'

async function appWith(logged: unknown[]) {
  const app = Fastify({
    logger: { level: 'error', stream: { write: (line: string) => logged.push(JSON.parse(line)) } },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app, { spaFallback: false })
  app.get('/boom', async () => {
    throw new Error('secret database detail')
  })
  app.get('/conflict', async () => {
    throw new AppError('CONFLICT', 'Already there', [{ path: ['name'], message: 'Taken' }])
  })
  app.post('/typed', { schema: { body: z.object({ seats: z.number().int().min(0) }) } }, async () => ({
    ok: true,
  }))
  await app.ready()
  return app
}

describe('one error shape', () => {
  it('maps every code to a status', () => {
    for (const code of Object.values(AppErrorCode)) expect(statusByCode[code]).toBeGreaterThanOrEqual(400)
  })

  it('answers an unknown error with a generic 500 and logs the real one', async () => {
    const logged: { msg?: string; err?: { message: string } }[] = []
    const app = await appWith(logged)
    const res = await app.inject({ method: 'GET', url: '/boom' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } })
    expect(res.body).not.toContain('secret')
    expect(logged.some((l) => l.err?.message === 'secret database detail')).toBe(true)
  })

  it('answers an AppError with its status, message and issues', async () => {
    const app = await appWith([])
    const res = await app.inject({ method: 'GET', url: '/conflict' })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({
      error: { code: 'CONFLICT', message: 'Already there', issues: [{ path: ['name'], message: 'Taken' }] },
    })
  })

  it('answers schema validation with VALIDATION and the field path', async () => {
    const app = await appWith([])
    const res = await app.inject({ method: 'POST', url: '/typed', payload: { seats: -1 } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['seats'] }] })
    expect(res.json().error.message).toMatch(/^Invalid body: seats:/)
  })

  it('answers malformed JSON with a clear 400', async () => {
    const app = await appWith([])
    const res = await app.inject({
      method: 'POST',
      url: '/typed',
      payload: '{"seats":',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION')
  })
})
