import { readFileSync } from 'node:fs'
import type { NewEvent } from '@kerjasama/core'
import { LATEST_SCHEMA_VERSION } from '@kerjasama/store-postgres'
import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()
const doc = readFileSync(new URL('../../../docs/adapters.md', import.meta.url), 'utf8')
const TABLES = ['events', 'streams', 'idempotency_keys', 'documents', 'checkpoints', 'collections', 'document_index', 'leases', 'snapshots']
const STREAM = 'agreement-01JEXAMPLE'

/** The fenced SQL block right after `<!-- marker -->` in the doc. */
function sqlAfter(marker: string): string {
  const text = new RegExp(`<!-- ${marker} -->\\s*\`\`\`sql\\n([\\s\\S]*?)\`\`\``).exec(doc)?.[1]
  if (text === undefined) throw new Error(`docs/adapters.md has no sql block after <!-- ${marker} -->`)
  return text
}

/** The doc writes the default schema `kerjasama`; the test store lives in a schema of its own. The setting names stay. */
function inTestSchema(sql: string): string {
  const { schema } = stores.schema()
  return sql.replace(/\bkerjasama\.(events|streams|idempotency_keys|documents|checkpoints|collections|document_index|leases|snapshots)\b/g, `"${schema}".$1`).replace(/\bkerjasama_app\b/g, `"${schema}_app"`)
}

/** A policy expression as the doc writes it and as pg_get_expr prints it, compared without casts, case and the outer parentheses. */
function normalise(expression: string): string {
  let text = expression.replace(/::text/g, '').replace(/\s+/g, ' ').trim().toLowerCase()
  while (text.startsWith('(') && text.endsWith(')') && balanced(text.slice(1, -1))) text = text.slice(1, -1).trim()
  return text
}

function balanced(text: string): boolean {
  let depth = 0
  for (const char of text) {
    depth += char === '(' ? 1 : char === ')' ? -1 : 0
    if (depth < 0) return false
  }
  return depth === 0
}

function step(name: string, role: string, recordedAt: string): NewEvent {
  return { type: `Step${name}`, schemaVersion: 1, data: { step: name }, metadata: { actor: { id: `u-${role}`, role }, correlationId: 'c', causationId: 'c', recordedAt } }
}

describe.skipIf(!postgres.available)('docs/adapters.md, PostgreSQL section', () => {
  const positions: bigint[] = []

  beforeAll(async () => {
    stores.setup()
    const kebumen = await stores.open({ tenant: '33.05', notify: false })
    const purworejo = await stores.open({ tenant: '33.06', notify: false })
    const elsewhere = await stores.open({ tenant: '33.07', notify: false })
    // The agreement's stream is written in three appends, with other streams and tenants in between,
    // so positions and versions do not line up and the query has to filter and order for itself.
    const first = await kebumen.append(STREAM, [step('identified', 'opd', '2026-01-01T00:00:00.000Z'), step('mapped', 'opd', '2026-01-02T00:00:00.000Z')], {
      expectedVersion: 'none',
    })
    await purworejo.append(STREAM, [step('other-tenant', 'opd', '2026-01-03T00:00:00.000Z')], { expectedVersion: 'none', idempotencyKey: 'cmd-purworejo' })
    await kebumen.append('agreement-other', [step('other-stream', 'opd', '2026-01-03T00:00:00.000Z')], { expectedVersion: 'none', idempotencyKey: 'cmd-kebumen' })
    const last = await kebumen.append(STREAM, [step('assessed', 'tkksd', '2026-01-04T00:00:00.000Z')], { expectedVersion: 2 })
    await elsewhere.append(STREAM, [step('not-granted', 'opd', '2026-01-05T00:00:00.000Z')], { expectedVersion: 'none' })
    positions.push(first.firstPosition, first.lastPosition, last.firstPosition)
    for (const store of [kebumen, purworejo]) {
      await store.readModels.declareCollections({ agreements: { indexed: ['status'] } })
      await store.readModels.acquireLease('projection:register', 'instance-1', 60_000)
      await store.snapshots.save(STREAM, { version: 1, reducerVersion: 1, eventHash: '0'.repeat(64), stateDigest: '1'.repeat(64), state: { status: 'identified' } })
    }
    await kebumen.readModels.transaction('register', async (tx) => {
      await tx.put('agreements', '01JEXAMPLE', { status: 'mapped', title: 'Gula merah' })
      await tx.put('agreements', '01JOTHER', { status: 'identified' })
      await tx.setCheckpoint(last.lastPosition)
    })
    await purworejo.readModels.transaction('register', async (tx) => {
      await tx.put('agreements', '01JPURWOREJO', { status: 'signed' })
      await tx.setCheckpoint(1n)
    })
  })
  afterAll(() => stores.teardown())

  it("its query lists an agreement's history in version order, with role, time and data", async () => {
    const { pool } = stores.schema()
    const rows = (await pool.query<{ version: number; position: string; type: string; role: string; recorded_at: string; data: { step: string } }>(inTestSchema(sqlAfter('postgres-history-query'))))
      .rows
    expect(rows.map((row) => [row.version, BigInt(row.position), row.type, row.role, row.recorded_at, row.data.step])).toEqual([
      [1, positions[0], 'Stepidentified', 'opd', '2026-01-01T00:00:00.000Z', 'identified'],
      [2, positions[1], 'Stepmapped', 'opd', '2026-01-02T00:00:00.000Z', 'mapped'],
      [3, positions[2], 'Stepassessed', 'tkksd', '2026-01-04T00:00:00.000Z', 'assessed'],
    ])
  })

  it('its read-model queries give the tenant checkpoint and the documents with their status', async () => {
    const { pool } = stores.schema()
    const statements = inTestSchema(sqlAfter('postgres-read-model-queries'))
      .split(';')
      .map((statement) => statement.trim())
      .filter((statement) => statement.length > 0)
    expect(statements).toHaveLength(2)
    const checkpoints = (await pool.query<{ projection: string; position: string }>(statements[0] as string)).rows
    expect(checkpoints).toEqual([{ projection: 'register', position: String(positions[2]) }])
    const documents = (await pool.query<{ id: string; status: string }>(statements[1] as string)).rows
    expect(documents.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: '01JEXAMPLE', status: 'mapped' },
      { id: '01JOTHER', status: 'identified' },
    ])
  })

  it('its table of tables gives every column in order, the json columns and the keys as the migration creates them', async () => {
    const { pool, schema } = stores.schema()
    const after = doc.split('<!-- postgres-tables -->\n')[1] ?? ''
    const lines = after.split('\n')
    const tableEnd = lines.findIndex((line) => !line.startsWith('|'))
    // The header row and the |---| row come first.
    const rows = lines.slice(2, tableEnd)
    expect(rows.map((row) => /^\| `(\w+)`/.exec(row)?.[1])).toEqual(TABLES)
    for (const row of rows) {
      const [, tableCell, columnsCell, keyCell] = row.split('|').map((cell) => cell.trim()) as [string, string, string, string]
      const table = tableCell.replaceAll('`', '')
      const documented = [...(columnsCell.split(':')[0] as string).matchAll(/`(\w+)`(?: \((\w+)\))?/g)].map((match) => [match[1], match[2] ?? null])
      const actual = await pool.query<{ column_name: string; data_type: string }>(
        'select column_name, data_type from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position',
        [schema, table],
      )
      expect(documented, table).toEqual(actual.rows.map((column) => [column.column_name, column.data_type === 'json' ? 'json' : null]))

      const keyParts = keyCell.split(';').map((part) => part.trim().replaceAll('`', ''))
      const columnsOf = (part: string): string => part.replace(/^unique /, '').replace(/[()]/g, '').replace(/\s+/g, '')
      const indexes = await pool.query<{ primary: boolean; columns: string }>(
        `select i.indisprimary as primary, string_agg(a.attname, ',' order by k.ordinality) as columns
         from pg_index i
         cross join lateral unnest(i.indkey) with ordinality as k(attnum, ordinality)
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
         where i.indrelid = $1::regclass and i.indisunique
         group by i.indexrelid, i.indisprimary`,
        [`"${schema}".${table}`],
      )
      expect(columnsOf(keyParts[0] as string), `${table} primary key`).toBe(indexes.rows.find((index) => index.primary)?.columns)
      expect(keyParts.slice(1).map(columnsOf).sort(), `${table} unique`).toEqual(indexes.rows.filter((index) => !index.primary).map((index) => index.columns).sort())
    }
  })

  it('migrations are recorded in <schema>.migrations and positions come from the sequence event_position', async () => {
    const { pool, schema } = stores.schema()
    const versions = await pool.query<{ version: number }>(`select version from "${schema}".migrations order by version`)
    expect(versions.rows.map((row) => row.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, index) => index + 1))
    const sequence = await pool.query<{ last_value: string; max: string }>(`select s.last_value, (select max(position) from "${schema}".events) as max from "${schema}".event_position s`)
    expect(sequence.rows[0]?.last_value).toBe(sequence.rows[0]?.max)
  })

  it('its enter_scope statements, run by hand, switch to the app role and show exactly the read tenants', async () => {
    const { pool, schema } = stores.schema()
    const client = await pool.connect()
    try {
      await client.query('begin')
      await client.query(inTestSchema(sqlAfter('postgres-enter-scope')))
      expect((await client.query<{ role: string }>('select current_user as role')).rows).toEqual([{ role: `${schema}_app` }])
      for (const table of TABLES) {
        const tenants = await client.query<{ tenant: string }>(`select distinct tenant from "${schema}".${table} order by tenant`)
        expect(tenants.rows.map((row) => row.tenant), table).toEqual(['33.05', '33.06'])
      }
      await client.query('savepoint other_tenant')
      const refused = await client
        .query(`insert into "${schema}".streams (tenant, stream_id, version, last_hash) values ('33.06', 'agreement-x', 0, 'x')`)
        .catch((error: unknown) => error)
      expect((refused as { code?: unknown }).code).toBe('42501')
      await client.query('rollback to savepoint other_tenant')
      // Transaction-local: after the transaction the connection is the owner again.
      await client.query('rollback')
      expect((await client.query<{ role: string }>('select current_user as role')).rows).not.toEqual([{ role: `${schema}_app` }])
    } finally {
      await client.query('rollback').catch(() => undefined)
      client.release()
    }
  })

  it('its policies are the ones on every table, tenant_update and tenant_delete using the write tenant on all but events', async () => {
    const { pool, schema } = stores.schema()
    const text = sqlAfter('postgres-policies')
    const documented = new Map(
      [...text.matchAll(/CREATE POLICY (\w+)\s+ON kerjasama\.events FOR (\w+)\s+(USING|WITH CHECK) \(([\s\S]*?)\);/g)].map((match) => [match[1], normalise(match[4] as string)]),
    )
    expect([...documented.keys()]).toEqual(['tenant_read', 'tenant_insert'])
    const read = documented.get('tenant_read') as string
    const write = documented.get('tenant_insert') as string
    expect(write).toContain("current_setting('kerjasama.write_tenant', true)")
    for (const table of TABLES) {
      const policies = await pool.query<{ name: string; command: string; using: string | null; check: string | null }>(
        `select polname as name, polcmd as command, pg_get_expr(polqual, polrelid) as using, pg_get_expr(polwithcheck, polrelid) as check
         from pg_policy where polrelid = $1::regclass order by polname`,
        [`"${schema}".${table}`],
      )
      const found = policies.rows.map((policy) => [policy.name, policy.command, policy.using === null ? null : normalise(policy.using), policy.check === null ? null : normalise(policy.check)])
      const changes = table === 'events' ? [] : [['tenant_delete', 'd', write, null]]
      const updates = table === 'events' ? [] : [['tenant_update', 'w', write, write]]
      expect(found, table).toEqual([...changes, ['tenant_insert', 'a', null, write], ['tenant_read', 'r', read, null], ...updates])
    }
  })

  it('the app role has the rights the doc lists, and the connecting user is its member', async () => {
    const { pool, schema } = stores.schema()
    const role = `${schema}_app`
    const rights = await pool.query<{ table: string; select: boolean; insert: boolean; update: boolean; delete: boolean }>(
      `select t as table,
              has_table_privilege($1::name, format('%I.%I', $2::text, t), 'SELECT') as select,
              has_table_privilege($1::name, format('%I.%I', $2::text, t), 'INSERT') as insert,
              has_table_privilege($1::name, format('%I.%I', $2::text, t), 'UPDATE') as update,
              has_table_privilege($1::name, format('%I.%I', $2::text, t), 'DELETE') as delete
       from unnest($3::text[]) as t`,
      [role, schema, TABLES],
    )
    const eventTables = { select: true, insert: true, update: true, delete: false }
    const readModelTables = { select: true, insert: true, update: true, delete: true }
    expect(rights.rows).toEqual([
      { table: 'events', select: true, insert: true, update: false, delete: false },
      { table: 'streams', ...eventTables },
      { table: 'idempotency_keys', ...eventTables },
      { table: 'documents', ...readModelTables },
      { table: 'checkpoints', ...readModelTables },
      { table: 'collections', ...readModelTables },
      { table: 'document_index', ...readModelTables },
      { table: 'leases', ...readModelTables },
      { table: 'snapshots', ...readModelTables },
    ])
    const member = await pool.query<{ member: boolean; login: boolean }>(
      `select pg_has_role(current_user, $1::name, 'member') as member, r.rolcanlogin as login from pg_roles r where r.rolname = $1::name`,
      [role],
    )
    expect(member.rows).toEqual([{ member: true, login: false }])
  })

  it("announces each append on the channel <schema>_events with tenant, chr(31) and the append's last position", async () => {
    const { schema } = stores.schema()
    const listener = new pg.Client()
    await listener.connect()
    try {
      const payloads: string[] = []
      listener.on('notification', (message) => {
        if (message.channel === `${schema}_events` && message.payload !== undefined) payloads.push(message.payload)
      })
      await listener.query(`listen "${schema}_events"`)
      const store = await stores.open({ tenant: '33.08' })
      const appended = await store.append('agreement-notify', [step('a', 'opd', '2026-01-06T00:00:00.000Z'), step('b', 'opd', '2026-01-06T00:00:00.000Z')], { expectedVersion: 'none' })
      const deadline = Date.now() + 5000
      while (payloads.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
      expect(payloads).toEqual([`33.08\u001f${appended.lastPosition}`])
    } finally {
      await listener.end()
    }
  })
})
