import type { Actor } from '#server/modules/access/actor'
import { resolveWorkload } from '#shared/domain/workloads'
import type { TableRow } from '../file/read-table'
import type { HeaderMap, PortfolioField } from './columns'
import { ErrorList } from './errors'
import { type Parsed, parseCount, parseIntent, parseIsoDate, parsePhase, parseYesNo } from './values'

export type ExistingPartner = { id: number; name: string; editable: boolean }

/** What the validator needs to know about the database and the importer: loaded once per import. */
export type ImportScope = {
  actor: Actor
  /** Every partner by program id, with whether the actor may change it. */
  partners: Map<string, ExistingPartner>
  /** Region id by lower-case name. */
  regions: Map<string, number>
  /** Active partner managers by lower-case e-mail. */
  fpms: Map<string, { id: number; regionId: number | null }>
  /** Workload codes present in the database. */
  workloads: ReadonlySet<string>
}

/** A partner the file names (existing or new), numbered in order of first appearance. */
export type StagedPartner = {
  programId: string
  name: string
  existingId: number | null
  regionId: number | null
  fpmUserId: number | null
}

/** A customer the file names, with the values of its first valid row (later rows may fill blanks). */
export type StagedCustomer = {
  tpid: string
  name: string
  country: string | null
  seats: number | null
  /** Index of the partner of its first row: becomes the primary partner of a new customer. */
  pidx: number
}

type Placement = { regionId: number | null; fpmUserId: number | null }
type Usage = { row: number; licensed: number; active: number }

const MAX_ID = 40
const MAX_NAME = 200
const MAX_COUNTRY = 80
const NO_USAGE = -1
/** Room for workload codes in the numeric customer × workload key. */
const WORKLOAD_SLOTS = 64

/** Growable Int32Array: per (customer × workload) facts without an object per row. */
class IntColumn {
  data = new Int32Array(4096)
  get(i: number): number {
    return this.data[i]
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const next = new Int32Array(Math.max(this.data.length * 2, i + 1))
      next.set(this.data)
      this.data = next
    }
    this.data[i] = v
  }
}

/**
 * The staged rows as CSV bytes, written in place: no string per row survives to be collected later
 * (a row string held until the next COPY is what made the garbage collector the bottleneck).
 */
class StagedText {
  private buf = Buffer.allocUnsafe(1 << 20)
  private len = 0
  lines = 0

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n))
    this.buf.copy(next, 0, 0, this.len)
    this.buf = next
  }

  /** A non-negative integer, or nothing for null. */
  int(n: number | null): this {
    if (n === null) return this
    this.room(11)
    if (n === 0) {
      this.buf[this.len++] = 48
      return this
    }
    let digits = 0
    for (let v = n; v > 0; v = Math.floor(v / 10)) digits++
    let at = this.len + digits
    this.len = at
    for (let v = n; v > 0; v = Math.floor(v / 10)) this.buf[--at] = 48 + (v % 10)
    return this
  }

  /** Text known to need no CSV quoting (codes, ISO dates). */
  plain(s: string | null): this {
    if (s === null) return this
    this.room(s.length)
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i)
    return this
  }

  char(c: number): this {
    this.room(1)
    this.buf[this.len++] = c
    return this
  }

  take(): string {
    const text = this.buf.toString('latin1', 0, this.len)
    this.len = 0
    this.lines = 0
    return text
  }
}

const COMMA = 44
const NEWLINE = 10

/** An int → int hash map in typed arrays (open addressing): a million entries without GC churn. */
class IntMap {
  private keys = new Int32Array(1 << 16).fill(-1)
  private values = new Int32Array(1 << 16)
  size = 0

  get(key: number): number {
    const mask = this.keys.length - 1
    let i = Math.imul(key, 0x9e3779b1) & mask
    for (;;) {
      const k = this.keys[i]
      if (k === key) return this.values[i]
      if (k === -1) return -1
      i = (i + 1) & mask
    }
  }

  /** Adds a key that is not in the map yet. */
  add(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow()
    const mask = this.keys.length - 1
    let i = Math.imul(key, 0x9e3779b1) & mask
    while (this.keys[i] !== -1) i = (i + 1) & mask
    this.keys[i] = key
    this.values[i] = value
    this.size++
  }

  private grow(): void {
    const keys = this.keys
    const values = this.values
    this.keys = new Int32Array(keys.length * 2).fill(-1)
    this.values = new Int32Array(keys.length * 2)
    this.size = 0
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.add(keys[i], values[i])
  }
}

/**
 * A copy of a string that does not keep its source alive. Fields are slices of 256 KB chunks of the
 * file; V8 keeps the whole chunk for a slice, so strings we remember for the whole import are copied.
 */
function own(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1)
}

/** Cells repeat (statuses, workloads, yes/no): parse each distinct text once, up to a bound. */
class Memo<T> {
  private readonly cache = new Map<string, Parsed<T>>()
  constructor(private readonly parse: (s: string) => Parsed<T>) {}
  get(text: string): Parsed<T> {
    let r = this.cache.get(text)
    if (r === undefined) {
      r = this.parse(text)
      // Kept as a copy: a key must not hold the file chunk it was cut from.
      if (this.cache.size < 4096) this.cache.set(own(text), r)
    }
    return r
  }
}

/** Whole numbers with digits only take the fast path; everything else goes through parseCount. */
function count(text: string): Parsed<number> {
  const n = text.length
  if (n > 0 && n < 10) {
    let v = 0
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i) - 48
      if (c < 0 || c > 9) return parseCount(text)
      v = v * 10 + c
    }
    return { ok: true, value: v }
  }
  return parseCount(text)
}

/**
 * Checks portfolio rows one by one and remembers what the file said so far, to find conflicts inside
 * the file (the same partner × customer × workload twice; one TPID with two names; …). A valid row is
 * appended to the staged CSV text for the staging table; a row with problems adds them to `errors`
 * (spreadsheet row, column as written in the file, value, reason) and is not staged.
 *
 * Memory grows with the distinct customers and customer × workload pairs, not with the file: the
 * per-pair facts live in typed arrays, and no row object is kept.
 */
export class PortfolioValidator {
  readonly errors = new ErrorList()
  readonly partners: StagedPartner[] = []
  readonly customers: StagedCustomer[] = []
  /** Data rows read (blank rows not counted). */
  rows = 0
  /** Rows that passed every check. */
  validRows = 0
  /** Valid rows that carry a usage snapshot (the same usage on two rows is staged once). */
  usageRows = 0
  private readonly staged = new StagedText()

  private readonly pidxById = new Map<string, number>()
  /** Rows usually come grouped by partner and customer: the previous row's lookups, reused. */
  private lastPartnerId = ''
  private lastPidx: number | undefined
  private lastTpid = ''
  private lastCidx: number | undefined
  private readonly cidxByTpid = new Map<string, number>()
  private readonly partnerRow: number[] = []
  private readonly customerRow: number[] = []
  /** customer × workload → slot in the typed columns below. */
  private readonly pairSlot = new IntMap()
  private readonly slotRow = new IntColumn()
  private readonly slotPidx = new IntColumn()
  private readonly slotAsOf = new IntColumn()
  private readonly slotLicensed = new IntColumn()
  private readonly slotActive = new IntColumn()
  /** The rare customer workloads served by several partners: exact keys and usage, by string. */
  private readonly extraRows = new Map<string, number>()
  private readonly extraUsage = new Map<string, Usage>()
  private readonly asOfIds = new Map<string, number>()
  private readonly usedAsOf = new Set<number>()
  private readonly workloadIdx = new Map<string, number>()
  private readonly workloadList: string
  private readonly headerWidth: number
  /** Column index in the file for each field, -1 when the file has no such column. */
  private readonly at: Record<PortfolioField, number>
  /** The header of each field's column, as written in the file. */
  private readonly title: Record<PortfolioField, string>

  private readonly workloads: Memo<string>
  private readonly intents = new Memo(parseIntent)
  private readonly phases = new Memo(parsePhase)
  private readonly yesNo = new Memo(parseYesNo)
  private readonly dates = new Memo(parseIsoDate)

  constructor(
    header: HeaderMap,
    private readonly scope: ImportScope,
    private readonly defaultAsOf: string,
  ) {
    const at = {} as Record<PortfolioField, number>
    const title = {} as Record<PortfolioField, string>
    for (const f of [
      'partnerId',
      'partnerName',
      'tpid',
      'customerName',
      'country',
      'seats',
      'workload',
      'intent',
      'phase',
      'claimed',
      'licensed',
      'active',
      'asOf',
      'region',
      'fpmEmail',
    ] as const) {
      const i = header.index[f]
      at[f] = i ?? -1
      title[f] = i === undefined ? f : header.mapping[i].column
    }
    this.at = at
    this.title = title
    this.headerWidth = header.mapping.length
    if (scope.workloads.size > WORKLOAD_SLOTS) throw new Error('Too many workload codes for the validator')
    let i = 0
    for (const code of scope.workloads) this.workloadIdx.set(code, i++)
    this.workloadList = [...scope.workloads].join(', ')
    this.workloads = new Memo((text) => {
      const code = resolveWorkload(text)
      return code && scope.workloads.has(code)
        ? { ok: true, value: code }
        : { ok: false, message: `Not a known workload; use a code (${this.workloadList}) or its name` }
    })
  }

  /** The staged CSV lines so far (and forget them). */
  takeStaged(): string {
    return this.staged.take()
  }

  /** Rows staged since the last `takeStaged`. */
  get stagedPending(): number {
    return this.staged.lines
  }

  /** The as-of date when every valid row has the same one. */
  singleAsOf(): string | null {
    if (this.usedAsOf.size !== 1) return null
    const id = [...this.usedAsOf][0]
    for (const [date, i] of this.asOfIds) if (i === id) return date
    return null
  }

  private fail(row: number, f: PortfolioField, value: string, message: string): void {
    this.errors.add(row, this.title[f], value, message)
  }

  private cell(cells: string[], f: PortfolioField): string {
    const i = this.at[f]
    return i < 0 ? '' : (cells[i] ?? '')
  }

  private optional<T>(
    row: number,
    cells: string[],
    f: PortfolioField,
    parse: (s: string) => Parsed<T>,
  ): T | null {
    const i = this.at[f]
    const text = i < 0 ? '' : (cells[i] ?? '')
    if (text === '') return null
    const r = parse(text)
    if (r.ok) return r.value
    this.fail(row, f, text, r.message)
    return null
  }

  private required(row: number, cells: string[], f: PortfolioField, what: string, max: number): string {
    const text = this.cell(cells, f)
    if (text === '') this.fail(row, f, '', `Required: ${what}`)
    else if (text.length > max) this.fail(row, f, text, `At most ${max} characters`)
    return text
  }

  /** Checks one row; stages it when valid. */
  check({ row, cells }: TableRow): boolean {
    this.rows++
    const errors = this.errors
    const before = errors.count

    for (let i = this.headerWidth; i < cells.length; i++) {
      if (cells[i] !== '') {
        errors.add(
          row,
          `(column ${i + 1})`,
          cells[i],
          'This cell is beyond the last column of the header row',
        )
        break
      }
    }

    const partnerId = this.required(row, cells, 'partnerId', 'the partner ID', MAX_ID)
    const partnerName = this.required(row, cells, 'partnerName', 'the partner name', MAX_NAME)
    const tpid = this.required(row, cells, 'tpid', 'the customer TPID', MAX_ID)
    const customerName = this.required(row, cells, 'customerName', 'the customer name', MAX_NAME)
    const workloadText = this.cell(cells, 'workload')
    let workload: string | null = null
    if (workloadText === '') this.fail(row, 'workload', '', 'Required: the workload')
    else workload = this.optional(row, cells, 'workload', (t) => this.workloads.get(t))

    const country = this.cell(cells, 'country')
    if (country.length > MAX_COUNTRY) this.fail(row, 'country', country, `At most ${MAX_COUNTRY} characters`)
    const seats = this.optional(row, cells, 'seats', count)
    const intent = this.optional(row, cells, 'intent', (t) => this.intents.get(t))
    const phase = this.optional(row, cells, 'phase', (t) => this.phases.get(t))
    const claimed = this.optional(row, cells, 'claimed', (t) => this.yesNo.get(t))
    const licensed = this.optional(row, cells, 'licensed', count)
    const active = this.optional(row, cells, 'active', count)
    const asOf = this.optional(row, cells, 'asOf', (t) => this.dates.get(t)) ?? this.defaultAsOf
    if (licensed !== null && active !== null) {
      if (active > licensed)
        this.fail(
          row,
          'active',
          this.cell(cells, 'active'),
          `Active users (${active}) cannot exceed licensed users (${licensed})`,
        )
    } else if (active !== null && this.cell(cells, 'licensed') === '') {
      this.fail(
        row,
        this.at.licensed < 0 ? 'active' : 'licensed',
        '',
        'Give the licensed users too: active users need them',
      )
    } else if (licensed !== null && this.cell(cells, 'active') === '') {
      this.fail(
        row,
        this.at.active < 0 ? 'licensed' : 'active',
        '',
        'Give the active users too: licensed users need them',
      )
    }
    // The partner: in the importer's scope, with one name throughout the file.
    let pidx = partnerId === this.lastPartnerId ? this.lastPidx : this.pidxById.get(partnerId)
    let newPartner: StagedPartner | null = null
    if (partnerId !== '' && partnerName !== '') {
      if (pidx !== undefined) {
        const p = this.partners[pidx]
        if (p.name !== partnerName) {
          this.fail(
            row,
            'partnerName',
            partnerName,
            `Partner ${partnerId} is named "${p.name}" on row ${this.partnerRow[pidx]}`,
          )
        }
      } else {
        const existing = this.scope.partners.get(partnerId)
        if (existing && !existing.editable) {
          this.fail(row, 'partnerId', partnerId, `Partner ${partnerId} is not in your portfolio`)
        } else {
          const placement = existing ? { regionId: null, fpmUserId: null } : this.placeNewPartner(row, cells)
          if (placement) {
            newPartner = {
              programId: own(partnerId),
              name: own(partnerName),
              existingId: existing?.id ?? null,
              ...placement,
            }
          }
        }
      }
    }

    // The customer: one name, seat count and country per TPID.
    let cidx = tpid === this.lastTpid ? this.lastCidx : this.cidxByTpid.get(tpid)
    if (cidx !== undefined && customerName !== '') {
      const c = this.customers[cidx]
      const first = this.customerRow[cidx]
      if (c.name !== customerName)
        this.fail(row, 'customerName', customerName, `TPID ${tpid} is named "${c.name}" on row ${first}`)
      if (seats !== null && c.seats !== null && c.seats !== seats)
        this.fail(
          row,
          'seats',
          this.cell(cells, 'seats'),
          `TPID ${tpid} has ${c.seats} seats on row ${first}`,
        )
      if (country !== '' && c.country !== null && c.country !== country)
        this.fail(row, 'country', country, `TPID ${tpid} is in "${c.country}" on row ${first}`)
    }
    if (errors.count > before) return false

    // The key: partner × customer × workload once; usage per customer × workload × date agrees.
    const wl = workload as string
    const w = this.workloadIdx.get(wl) as number
    let asOfId = this.asOfIds.get(asOf)
    if (asOfId === undefined) {
      asOfId = this.asOfIds.size
      this.asOfIds.set(asOf, asOfId)
    }
    let carriesUsage = licensed !== null
    const found = cidx === undefined ? -1 : this.pairSlot.get(cidx * WORKLOAD_SLOTS + w)
    const slot = found === -1 ? undefined : found
    let extraKey: string | null = null
    let usageKey: string | null = null
    if (slot !== undefined) {
      const firstRow = this.slotRow.get(slot)
      if (pidx !== undefined && this.slotPidx.get(slot) === pidx) {
        this.duplicate(row, workloadText, partnerId, tpid, wl, firstRow)
        return false
      }
      // Another partner serves the same customer workload (rare): exact keys for these.
      const pair = (cidx as number) * WORKLOAD_SLOTS + w
      extraKey = `${pair}:${partnerId}`
      const seen = this.extraRows.get(extraKey)
      if (seen !== undefined) {
        this.duplicate(row, workloadText, partnerId, tpid, wl, seen)
        return false
      }
      if (carriesUsage) {
        let earlier: Usage | undefined
        if (this.slotAsOf.get(slot) === asOfId && this.slotLicensed.get(slot) !== NO_USAGE) {
          earlier = {
            row: firstRow,
            licensed: this.slotLicensed.get(slot),
            active: this.slotActive.get(slot),
          }
        } else {
          usageKey = `${pair}@${asOfId}`
          earlier = this.extraUsage.get(usageKey)
        }
        if (earlier) {
          if (earlier.licensed !== licensed || earlier.active !== active) {
            this.fail(
              row,
              'licensed',
              this.cell(cells, 'licensed'),
              `TPID ${tpid} ${wl} on ${asOf} has ${earlier.licensed} licensed and ${earlier.active} active users on row ${earlier.row}; usage is per customer and workload, so the rows must agree`,
            )
            return false
          }
          carriesUsage = false // the same numbers are staged already
          usageKey = null
        }
      }
    }

    // Valid: remember what this row established, and stage it.
    if (newPartner) {
      pidx = this.partners.length
      this.partners.push(newPartner)
      this.partnerRow.push(row)
      this.pidxById.set(newPartner.programId, pidx)
    }
    const p = pidx as number
    if (cidx === undefined) {
      cidx = this.customers.length
      const key = own(tpid)
      this.customers.push({
        tpid: key,
        name: own(customerName),
        country: country ? own(country) : null,
        seats,
        pidx: p,
      })
      this.customerRow.push(row)
      this.cidxByTpid.set(key, cidx)
    } else {
      const c = this.customers[cidx]
      if (c.country === null && country !== '') c.country = own(country)
      if (c.seats === null && seats !== null) c.seats = seats
    }
    if (slot === undefined) {
      const s = this.pairSlot.size
      this.pairSlot.add(cidx * WORKLOAD_SLOTS + w, s)
      this.slotRow.set(s, row)
      this.slotPidx.set(s, p)
      this.slotAsOf.set(s, asOfId)
      this.slotLicensed.set(s, licensed ?? NO_USAGE)
      this.slotActive.set(s, active ?? NO_USAGE)
    } else {
      if (extraKey) this.extraRows.set(extraKey, row)
      if (usageKey && carriesUsage)
        this.extraUsage.set(usageKey, { row, licensed: licensed as number, active: active as number })
    }
    this.lastPartnerId = partnerId
    this.lastPidx = p
    this.lastTpid = tpid
    this.lastCidx = cidx
    this.validRows++
    this.usedAsOf.add(asOfId)
    const out = this.staged
    out
      .int(p)
      .char(COMMA)
      .int(cidx)
      .char(COMMA)
      .plain(wl)
      .char(COMMA)
      .plain(intent)
      .char(COMMA)
      .plain(phase)
      .char(COMMA)
    if (claimed !== null) out.char(claimed ? 116 : 102)
    out.char(COMMA)
    if (carriesUsage) out.int(licensed).char(COMMA).int(active).char(COMMA)
    else out.char(COMMA).char(COMMA)
    out.plain(asOf).char(NEWLINE)
    out.lines++
    if (carriesUsage) this.usageRows++
    return true
  }

  private duplicate(row: number, text: string, partnerId: string, tpid: string, wl: string, earlier: number) {
    this.fail(
      row,
      'workload',
      text,
      `Partner ${partnerId}, TPID ${tpid} and workload ${wl} are already on row ${earlier}`,
    )
  }

  /** Where a partner the database does not know goes: inside the importer's own scope. */
  private placeNewPartner(row: number, cells: string[]): Placement | null {
    const { actor, regions, fpms } = this.scope
    const regionText = this.cell(cells, 'region')
    const fpmText = this.cell(cells, 'fpmEmail')
    let regionId: number | null = null
    let fpm: { id: number; regionId: number | null } | null = null
    if (regionText !== '') {
      const id = regions.get(regionText.toLowerCase())
      if (id === undefined) {
        this.fail(row, 'region', regionText, 'No region has this name')
        return null
      }
      regionId = id
    }
    if (fpmText !== '') {
      fpm = fpms.get(fpmText.toLowerCase()) ?? null
      if (!fpm) {
        this.fail(row, 'fpmEmail', fpmText, 'No active partner manager has this e-mail')
        return null
      }
    }
    switch (actor.role) {
      case 'admin':
        return { regionId: regionId ?? fpm?.regionId ?? null, fpmUserId: fpm?.id ?? null }
      case 'lead':
        if (actor.regionId === null) {
          this.fail(
            row,
            'partnerId',
            this.cell(cells, 'partnerId'),
            'A new partner goes to your region, and you have none; ask an admin',
          )
          return null
        }
        if (regionId !== null && regionId !== actor.regionId) {
          this.fail(row, 'region', regionText, 'You can add partners to your own region only')
          return null
        }
        if (fpm && fpm.regionId !== actor.regionId) {
          this.fail(row, 'fpmEmail', fpmText, 'This partner manager is not in your region')
          return null
        }
        return { regionId: actor.regionId, fpmUserId: fpm?.id ?? null }
      case 'fpm':
        if (regionId !== null && regionId !== actor.regionId) {
          this.fail(row, 'region', regionText, 'A new partner goes to your own region')
          return null
        }
        if (fpm && fpm.id !== actor.id) {
          this.fail(row, 'fpmEmail', fpmText, 'You can add partners that you manage yourself only')
          return null
        }
        return { regionId: actor.regionId, fpmUserId: actor.id }
      default:
        this.fail(row, 'partnerId', this.cell(cells, 'partnerId'), 'Your role cannot add partners')
        return null
    }
  }
}
