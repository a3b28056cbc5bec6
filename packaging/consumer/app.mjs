// Runs in a fresh npm project where only the packed tarballs are installed:
// what an app author gets from `npm install`. Every entry point loads, one
// command goes through the service on SQLite, and an adapter's error is
// recognised by the app's copy of core.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAgreementService, isKerjasamaError } from '@kerjasama/core'
import { prepareAppend } from '@kerjasama/core/adapter'
import { agreementLifecycle } from '@kerjasama/core/testing'
import { openMemoryStore } from '@kerjasama/store-memory'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { openPostgresStore } from '@kerjasama/store-postgres'
import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import { describeEventStoreContract } from '@kerjasama/store-contract'
import { registerProjection } from '@kerjasama/projections'
import { loadIndonesianRegions } from '@kerjasama/regions-id'
import { runCli } from '@kerjasama/cli'

for (const loaded of [prepareAppend, openMemoryStore, openPostgresStore, postgresAvailability, describeEventStoreContract, runCli]) {
  assert.equal(typeof loaded, 'function')
}
assert.equal(typeof registerProjection, 'object')
// entryPoints.json: every exports entry of every tarball, written by the pack-check.
for (const specifier of JSON.parse(readFileSync(new URL('./entryPoints.json', import.meta.url), 'utf8'))) {
  assert.ok(Object.keys(await import(specifier)).length > 0, `import('${specifier}') gives its exports`)
}

const folder = mkdtempSync(join(tmpdir(), 'kerjasama-consumer-'))
try {
  const store = openSqliteStore({ file: join(folder, 'kerjasama.db'), tenant: '33.05' })
  const agreements = createAgreementService({ store, regions: await loadIndonesianRegions() })
  const [identify] = agreementLifecycle('KSDPK', { agreementId: 'kebumen-gula' })
  const result = await agreements.execute(identify.command, { actor: identify.actor })
  assert.equal(result.agreementId, 'kebumen-gula')
  assert.equal(result.version, 1)
  assert.equal((await store.verify()).ok, true)

  const refused = await store.append('', [], { expectedVersion: 'none' }).then(() => undefined, (error) => error)
  assert.equal(isKerjasamaError(refused), true, 'an error thrown by store-sqlite is a KerjasamaError to the app')
  assert.equal(refused.code, 'STORE_INPUT_INVALID')
  await store.close()
} finally {
  rmSync(folder, { recursive: true, force: true })
}
console.log('esm: every entry point loads; a command ran on SQLite; an adapter error is recognised')
