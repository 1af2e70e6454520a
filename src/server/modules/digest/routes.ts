import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { digestSettings, digestSettingsBody } from '#shared/contracts/digest'
import { digestConfigFromEnv, digestService } from './service'

export const digestRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = digestConfigFromEnv(app.ctx.env)
  const digest = digestService(app.ctx.database, config)
  app.addHook('onClose', async () => config.mailer?.close())
  const tags = ['digest']

  app.get(
    '/me/digest',
    {
      schema: {
        tags,
        summary: 'My daily digest e-mail: on or off, and when it goes out',
        response: { 200: digestSettings },
      },
    },
    async (req) => digest.settings(req.actor()),
  )
  app.put(
    '/me/digest',
    {
      schema: {
        tags,
        summary: 'Switch my daily digest e-mail on or off',
        body: digestSettingsBody,
        response: { 200: digestSettings },
      },
    },
    async (req) => digest.setEnabled(req.actor(), req.body.enabled),
  )
}
