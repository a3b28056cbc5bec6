import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteStore } from '../src/index'
import { event } from './support/sampleEvent'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

describe('opening a file while another process writes', () => {
  it('a file with nothing left to migrate opens without waiting for the write lock', async () => {
    const database = tempDatabase('open-busy')
    cleanups.push(database.remove)
    await openSqliteStore({ file: database.file }).close()
    // Another process in the middle of a write, as the sqlite3 client inside BEGIN IMMEDIATE would be.
    const holder = new Database(database.file)
    holder.exec('BEGIN IMMEDIATE')
    let store
    try {
      store = openSqliteStore({ file: database.file, busyTimeoutMs: 50 })
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    await expect(store.append('s', [event()], { expectedVersion: 'none' })).resolves.toMatchObject({ nextExpectedVersion: 1 })
    await store.close()
  })
})
