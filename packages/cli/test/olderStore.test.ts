import { describe, expect, it } from 'vitest'
import { StoreNotFound, StoreSchemaTooOld } from '@kerjasama/core'
import { failureHint } from '../src/failureHints'
import { isOlderStore } from '../src/openStore'

describe('a store an older release made', () => {
  it('may be opened for writing by rebuild and skip, which migrates it; an empty file or a missing store may not', () => {
    expect(isOlderStore(new StoreSchemaTooOld({ kind: 'file', name: '/data/kebumen.db' }, 3, 4))).toBe(true)
    expect(isOlderStore(new StoreSchemaTooOld({ kind: 'file', name: '/data/kosong.db' }, 0, 4))).toBe(false)
    expect(isOlderStore(new StoreNotFound({ kind: 'file', name: '/data/salah.db' }))).toBe(false)
    expect(isOlderStore(new Error('STORE_SCHEMA_TOO_OLD'))).toBe(false)
  })

  it('a read command on it is told that rebuild migrates it', () => {
    expect(failureHint(new StoreSchemaTooOld({ kind: 'file', name: '/data/kebumen.db' }, 3, 4))?.en).toBe(
      'Read commands do not migrate; `kerjasama rebuild` opens the store for writing, migrates it and brings the read models up to date',
    )
    // An empty file is no older store: it is not told to migrate, but to check the name it gave.
    expect(failureHint(new StoreSchemaTooOld({ kind: 'file', name: '/data/kosong.db' }, 0, 4))?.en).toMatch(/^This file or schema holds no Kerjasama store .*: check --db or --schema\./)
  })
})
