import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { KerjasamaError } from '@kerjasama/core'
import { openSqliteStore } from '../src/index'
import { event } from './support/sampleEvent'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

describe('the write lock', () => {
  it('an append that cannot get the write lock within the busy timeout is STORE_UNAVAILABLE, writes nothing, and a retry with the same key succeeds', async () => {
    const database = tempDatabase('busy')
    cleanups.push(database.remove)
    const store = openSqliteStore({ file: database.file, busyTimeoutMs: 50 })
    // Another process holding the write lock, as the sqlite3 CLI inside BEGIN IMMEDIATE would.
    const other = new Database(database.file)
    other.exec('BEGIN IMMEDIATE')
    const failure = await store.append('s', [event({ secret: 'payload-text' })], { expectedVersion: 'none', idempotencyKey: 'cmd-1' }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(KerjasamaError)
    expect(failure).toMatchObject({ code: 'STORE_UNAVAILABLE' })
    expect(String((failure as Error).message)).not.toMatch(/payload-text|INSERT|SELECT/)
    other.exec('ROLLBACK')
    other.close()

    const events = []
    for await (const stored of store.readAll()) events.push(stored)
    expect(events).toEqual([])
    const retry = await store.append('s', [event({ secret: 'payload-text' })], { expectedVersion: 'none', idempotencyKey: 'cmd-1' })
    expect(retry).toMatchObject({ nextExpectedVersion: 1, duplicate: false })
    await store.close()
  })

  it('readers are not blocked by a writer holding the lock (WAL)', async () => {
    const database = tempDatabase('wal')
    cleanups.push(database.remove)
    const store = openSqliteStore({ file: database.file, busyTimeoutMs: 50 })
    await store.append('s', [event()], { expectedVersion: 'none' })
    const other = new Database(database.file)
    other.exec('BEGIN IMMEDIATE')
    const versions = []
    for await (const stored of store.readStream('s')) versions.push(stored.version)
    expect(versions).toEqual([1])
    other.exec('ROLLBACK')
    other.close()
    await store.close()
  })
})

describe('one store object, events and read models on one connection', () => {
  it('store.readModels commits documents with their checkpoint, and closing the store closes both', async () => {
    const store = openSqliteStore({ file: ':memory:', tenant: '33.05' })
    const result = await store.append('agreement-ks-1', [event()], { expectedVersion: 'none' })
    await store.readModels.transaction('register', async (tx) => {
      await tx.put('agreements', 'ks-1', { stage: 'identified' })
      await tx.setCheckpoint(result.lastPosition)
    })
    expect(await store.readModels.getCheckpoint('register')).toBe(result.lastPosition)
    expect(await store.readModels.get('agreements', 'ks-1')).toEqual({ stage: 'identified' })
    await store.close()
    await expect(store.readModels.get('agreements', 'ks-1')).rejects.toMatchObject({ code: 'STORE_CLOSED' })
  })

  it('closing only the read models leaves the event store working', async () => {
    const store = openSqliteStore({ file: ':memory:' })
    await store.readModels.close()
    await expect(store.readModels.getCheckpoint('p')).rejects.toMatchObject({ code: 'STORE_CLOSED' })
    expect((await store.append('s', [event()], { expectedVersion: 'none' })).nextExpectedVersion).toBe(1)
    await store.close()
  })

  it('two processes running one projection: the later commit is PROJECTION_CONFLICT and writes nothing', async () => {
    const database = tempDatabase('projection')
    cleanups.push(database.remove)
    const store = openSqliteStore({ file: database.file })
    // The other "process": a raw connection committing the same projection while our work is in flight.
    const other = new Database(database.file)
    const outcome = store.readModels.transaction('register', async (tx) => {
      await tx.put('agreements', 'ks-1', { from: 'this process' })
      other.prepare("INSERT INTO read_model_checkpoints (tenant, projection, position, revision) VALUES ('default', 'register', 5, 1)").run()
      await tx.setCheckpoint(3n)
    })
    await expect(outcome).rejects.toMatchObject({ code: 'PROJECTION_CONFLICT' })
    other.close()
    expect(await store.readModels.get('agreements', 'ks-1')).toBeUndefined()
    expect(await store.readModels.getCheckpoint('register')).toBe(5n)
    await store.close()
  })
})
