// The CommonJS decision, tested: the packages are ES modules, and require()
// loads them on Node.js 20.19+ / 22.12+ (require(esm)). On a Node without
// require(esm) this program says so and the check fails, because the README
// promises require() from 20.19 on.
const assert = require('node:assert/strict')

if (process.features.require_module !== true) {
  console.error(`cjs: Node ${process.version} cannot require() ES modules; the README promises it from Node 20.19`)
  process.exit(1)
}

const core = require('@kerjasama/core')
const { agreementLifecycle } = require('@kerjasama/core/testing')
const { openMemoryStore } = require('@kerjasama/store-memory')
// entryPoints.json: every exports entry of every tarball, written by the pack-check.
for (const name of require('./entryPoints.json')) {
  assert.ok(Object.keys(require(name)).length > 0, `require('${name}') gives its exports`)
}

async function main() {
  const store = openMemoryStore({ tenant: '33.05' })
  const agreements = core.createAgreementService({ store })
  const [identify] = agreementLifecycle('KSDPK', { agreementId: 'kebumen-gula' })
  const result = await agreements.execute(identify.command, { actor: identify.actor })
  assert.equal(result.version, 1)
  const refused = await store.append('', [], { expectedVersion: 'none' }).then(() => undefined, (error) => error)
  assert.equal(core.isKerjasamaError(refused), true)
  console.log(`cjs: require() loads every entry point on Node ${process.version}; a command ran on the memory store`)
}
main().catch((error) => {
  console.error(error)
  process.exit(1)
})
