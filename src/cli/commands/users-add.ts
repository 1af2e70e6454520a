import { randomBytes } from 'node:crypto'
import type { Command } from 'commander'
import { createUserBody } from '#shared/contracts/users'
import { roles } from '#shared/domain/roles'
import { CliError, Exit } from '../errors'
import { line, printJson } from '../output'

type Options = {
  email: string
  name: string
  role: string
  region?: string
  password?: string
  json?: boolean
}

export function usersAddCommand(parent: Command): void {
  parent
    .command('add')
    .summary('create a user (for example the first admin)')
    .description(
      'Creates a user who can sign in to the web app. Roles: admin (everything), lead (their region), fpm (partner manager: the partners assigned to them), sme and viewer (read only). ' +
        'Without --password a strong password is generated and printed once.',
    )
    .requiredOption('--email <email>', 'the sign-in e-mail')
    .requiredOption('--name <name>', 'the name shown in the app')
    .requiredOption('--role <role>', `one of: ${roles.join(', ')}`)
    .option('--region <name>', 'the region (leads, FPMs); created when no region has this name')
    .option('--password <password>', 'at least 10 characters (default: generate one)')
    .option('--json', 'print the new user (and generated password) as JSON')
    .addHelpText(
      'after',
      '\nExample (the first admin):\n  npx trellis users add --email you@example.com --name "Your Name" --role admin',
    )
    .action(async (opts: Options) => {
      if (!(roles as readonly string[]).includes(opts.role)) {
        throw new CliError(`--role must be one of: ${roles.join(', ')} (got "${opts.role}")`)
      }
      const generated = opts.password ? null : randomBytes(12).toString('base64url')
      const parsed = createUserBody.safeParse({
        email: opts.email,
        displayName: opts.name,
        role: opts.role,
        password: opts.password ?? generated,
      })
      if (!parsed.success) {
        const flag = {
          email: '--email',
          displayName: '--name',
          role: '--role',
          password: '--password',
        } as Record<string, string>
        throw new CliError(
          parsed.error.issues
            .map((i) => `${flag[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`)
            .join('\n'),
        )
      }
      const { eq, sql } = await import('drizzle-orm')
      const { regions, users } = await import('#db/schema/index')
      const { createUser } = await import('#server/modules/users/service')
      const { openCliDatabase } = await import('../context')
      const db = await openCliDatabase('users add')
      try {
        let regionId: number | null = null
        let createdRegion = false
        if (opts.region?.trim()) {
          const name = opts.region.trim()
          const [found] = await db.database.db
            .select({ id: regions.id })
            .from(regions)
            .where(sql`lower(${regions.name}) = lower(${name})`)
          if (found) regionId = found.id
          else {
            const [taken] = await db.database.db
              .select({ id: users.id })
              .from(users)
              .where(eq(users.email, parsed.data.email))
            if (taken) throw new CliError(`A user with e-mail ${parsed.data.email} already exists`)
            const [row] = await db.database.db.insert(regions).values({ name }).returning({ id: regions.id })
            regionId = row.id
            createdRegion = true
          }
        }
        const user = await createUser(db.database, null, { ...parsed.data, regionId })
        if (opts.json) printJson({ user, ...(generated ? { password: generated } : {}) })
        else {
          if (createdRegion) line(`Created the region "${opts.region?.trim()}".`)
          line(
            `✔ Created ${user.role} ${user.displayName} <${user.email}>${user.regionName ? ` in ${user.regionName}` : ''}.`,
          )
          if (generated)
            line(`  Password: ${generated}\n  (shown once: keep it safe, or change it in the web app)`)
        }
        process.exitCode = Exit.ok
      } finally {
        await db.close()
      }
    })
}
