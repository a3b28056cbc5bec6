import { existsSync, readdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteReadModelStore, openSqliteStore } from '../src/index'
import { event } from './support/sampleEvent'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function databaseWithLockHolder(label: string): { file: string; queue: string; holder: Database.Database } {
  const database = tempDatabase(label)
  const first = openSqliteStore({ file: database.file })
  void first.close()
  // Another writer of the file, as the sqlite3 client inside BEGIN IMMEDIATE would be; it can release the lock while our appends wait.
  const holder = new Database(database.file)
  cleanups.push(() => {
    if (holder.inTransaction) holder.exec('ROLLBACK')
    holder.close()
    database.remove()
  })
  return { file: database.file, queue: `${database.file}-write-queue`, holder }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1))
}

describe('taking turns at the write lock', () => {
  it('an append waiting for the lock leaves the process running: the holder releases it meanwhile and the append then succeeds', async () => {
    const { file, holder } = databaseWithLockHolder('turn-async')
    const store = openSqliteStore({ file })
    holder.exec('BEGIN IMMEDIATE')
    const appended = store.append('s', [event()], { expectedVersion: 'none' })
    // SQLite's busy handler would sleep inside the append's synchronous call, so this timer could not run until it gave up.
    setTimeout(() => holder.exec('ROLLBACK'), 30)
    await expect(appended).resolves.toMatchObject({ nextExpectedVersion: 1, duplicate: false })
    await store.close()
  })

  it('a writer arriving when the lock comes free does not overtake one already waiting', async () => {
    const { file, queue, holder } = databaseWithLockHolder('turn-order')
    const waiting = openSqliteStore({ file })
    const newcomer = openSqliteStore({ file })
    holder.exec('BEGIN IMMEDIATE')
    const first = waiting.append('waiting', [event()], { expectedVersion: 'none' })
    await until(() => existsSync(queue) && readdirSync(queue).length === 1)
    holder.exec('ROLLBACK')
    // Same tick: the lock is free and the waiting writer has not yet tried it again.
    const second = newcomer.append('newcomer', [event()], { expectedVersion: 'none' })
    const [waited, arrived] = await Promise.all([first, second])
    expect(waited.lastPosition).toBeLessThan(arrived.lastPosition)
    expect(existsSync(queue)).toBe(false)
    await waiting.close()
    await newcomer.close()
  })

  it('appends of one process and of another connection line up in the order they were made', async () => {
    const { file, holder } = databaseWithLockHolder('turn-fifo')
    const stores = [openSqliteStore({ file }), openSqliteStore({ file })]
    holder.exec('BEGIN IMMEDIATE')
    const appends = Array.from({ length: 10 }, (_, index) => (stores[index % 2] as (typeof stores)[number]).append(`s-${index}`, [event()], { expectedVersion: 'none' }))
    setTimeout(() => holder.exec('ROLLBACK'), 30)
    const positions = (await Promise.all(appends)).map((result) => result.lastPosition)
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)))
    for (const store of stores) await store.close()
  })

  it('a read-model commit waits in the same line, without blocking the process, and fails STORE_UNAVAILABLE writing nothing when its turn does not come within busyTimeoutMs', async () => {
    const { file, queue, holder } = databaseWithLockHolder('turn-read-model')
    const readModels = openSqliteReadModelStore({ file, busyTimeoutMs: 5000 })
    holder.exec('BEGIN IMMEDIATE')
    const committed = readModels.transaction('register', async (tx) => {
      await tx.put('agreements', 'ks-1', { stage: 'identified' })
      await tx.setCheckpoint(1n)
    })
    setTimeout(() => holder.exec('ROLLBACK'), 30)
    await committed
    expect(await readModels.get('agreements', 'ks-1')).toEqual({ stage: 'identified' })
    await readModels.close()

    const impatient = openSqliteReadModelStore({ file, busyTimeoutMs: 50 })
    holder.exec('BEGIN IMMEDIATE')
    const refused = impatient.transaction('register', async (tx) => {
      await tx.put('agreements', 'ks-2', { stage: 'identified' })
    })
    await expect(refused).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
    holder.exec('ROLLBACK')
    expect(await impatient.get('agreements', 'ks-2')).toBeUndefined()
    expect(existsSync(queue)).toBe(false)
    await impatient.close()
  })

  it('busyTimeoutMs 0 never waits: a held lock fails the append at once, and no ticket stays behind', async () => {
    const { file, queue, holder } = databaseWithLockHolder('turn-zero')
    const store = openSqliteStore({ file, busyTimeoutMs: 0 })
    holder.exec('BEGIN IMMEDIATE')
    await expect(store.append('s', [event()], { expectedVersion: 'none' })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
    expect(existsSync(queue)).toBe(false)
    holder.exec('ROLLBACK')
    await expect(store.append('s', [event()], { expectedVersion: 'none' })).resolves.toMatchObject({ nextExpectedVersion: 1 })
    await store.close()
  })

  it('closing the store while an append waits for its turn fails that append with STORE_CLOSED and writes nothing', async () => {
    const { file, holder } = databaseWithLockHolder('turn-close')
    const store = openSqliteStore({ file })
    holder.exec('BEGIN IMMEDIATE')
    const appended = store.append('s', [event()], { expectedVersion: 'none' })
    await store.close()
    holder.exec('ROLLBACK')
    await expect(appended).rejects.toMatchObject({ code: 'STORE_CLOSED' })
    const reader = openSqliteStore({ file })
    const events = []
    for await (const stored of reader.readAll()) events.push(stored)
    expect(events).toEqual([])
    await reader.close()
  })
})
