import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AGREEMENT_REDUCER_VERSION, createAgreementService } from '@kerjasama/core'
import type { Snapshot } from '@kerjasama/core'
import { agreementLifecycle, testClock } from '@kerjasama/core/testing'
import { expectCoded } from '@kerjasama/store-contract'
import { MIGRATIONS, openSqliteStore } from '../src/index'
import { MIGRATIONS_TABLE } from '../src/schema'
import { events } from './support/sampleEvent'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function freshFile(): string {
  const database = tempDatabase('snapshots')
  cleanups.push(database.remove)
  return database.file
}

const snapshot: Snapshot = { version: 2, reducerVersion: 1, eventHash: 'a'.repeat(64), stateDigest: 'b'.repeat(64), state: { status: 'mapped' } }

describe('SQLite snapshots', () => {
  it('a file from before migration 4 gains the snapshots table on open and keeps its events', async () => {
    const file = freshFile()
    const old = new Database(file)
    old.exec(MIGRATIONS_TABLE)
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version < 4)) {
      for (const statement of migration.statements) old.exec(statement)
      old.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, '2026-01-01T00:00:00.000Z')
    }
    old.close()
    const store = openSqliteStore({ file })
    await store.append('agreement-ks-1', events(2), { expectedVersion: 'none' })
    await store.snapshots.save('agreement-ks-1', snapshot)
    await store.close()
    const reopened = openSqliteStore({ file })
    expect(await reopened.snapshots.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(snapshot)
    await reopened.close()
  })

  it('a read-only open loads snapshots and refuses to save one with STORE_READ_ONLY, leaving the file as it was', async () => {
    const file = freshFile()
    const writer = openSqliteStore({ file, tenant: '33.05' })
    await writer.snapshots.save('agreement-ks-1', snapshot)
    const [identify] = agreementLifecycle('KSDPK', { agreementId: 'ks-2' })
    if (identify === undefined) throw new Error('no lifecycle')
    await createAgreementService({ store: writer }).execute(identify.command, { actor: identify.actor })
    await writer.close()
    const reader = openSqliteStore({ file, tenant: '33.05', readOnly: true })
    expect(await reader.snapshots.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(snapshot)
    await expectCoded(() => reader.snapshots.save('agreement-ks-1', { ...snapshot, version: 3 }), 'STORE_READ_ONLY')
    expect(await reader.snapshots.loadLatest('agreement-ks-1', { reducerVersion: 1 })).toEqual(snapshot)
    // The agreement service on a read-only store loads as before; the snapshot it cannot save is reported, not thrown.
    const problems: string[] = []
    const service = createAgreementService({ store: reader, snapshots: { store: reader.snapshots, every: 1, onProblem: (problem) => problems.push(problem.kind) } })
    expect((await service.load('ks-2')).status).toBe('identified')
    expect(problems).toEqual(['save-failed'])
    await reader.close()
  })

  it('closing the snapshots alone leaves the store open; closing the store closes them', async () => {
    const file = freshFile()
    const store = openSqliteStore({ file })
    await store.snapshots.close()
    await expectCoded(() => store.snapshots.loadLatest('agreement-ks-1', { reducerVersion: 1 }), 'STORE_CLOSED')
    await store.append('agreement-ks-1', events(1), { expectedVersion: 'none' })
    const other = openSqliteStore({ file })
    await other.close()
    await expectCoded(() => other.snapshots.save('agreement-ks-1', snapshot), 'STORE_CLOSED')
    await store.close()
  })

  it('the agreement service takes and uses snapshots on the file, across a reopen', async () => {
    const file = freshFile()
    const clock = testClock('2022-02-22T02:00:00.000Z')
    const store = openSqliteStore({ file, tenant: '33.05' })
    const service = createAgreementService({ store, clock, snapshots: { store: store.snapshots, every: 4 } })
    for (const step of agreementLifecycle('KSDPK', { agreementId: 'ks-1' })) {
      clock.set(new Date(Date.parse('2022-02-22T02:00:00.000Z') + step.day * 86_400_000))
      await service.execute(step.command, { actor: step.actor })
    }
    const expected = await service.load('ks-1')
    await store.close()
    const reopened = openSqliteStore({ file, tenant: '33.05' })
    const saved = await reopened.snapshots.loadLatest('agreement-ks-1', { reducerVersion: AGREEMENT_REDUCER_VERSION })
    expect(saved?.version).toBeGreaterThanOrEqual(4)
    expect(await createAgreementService({ store: reopened, snapshots: { store: reopened.snapshots, every: 4 } }).load('ks-1')).toStrictEqual(expected)
    await reopened.close()
  })
})
