import { PGlite } from '@electric-sql/pglite'
const a = new PGlite()
await a.exec('create table x(i int); insert into x values (1),(2)')
await a.query('CHECKPOINT')
const dump = await a.dumpDataDir('none')
console.log('dump', dump.size)
const b = new PGlite(undefined, { loadDataDir: dump, relaxedDurability: true })
await b.waitReady
console.log((await b.query('select count(*) from x').catch(e=>e.message)))
const c = new PGlite({ loadDataDir: dump })
console.log((await c.query('select count(*) from x').catch(e=>e.message)))
