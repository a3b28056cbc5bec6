// A CommonJS module written in TypeScript: `import … = require()` of the ES
// packages must type-check too (TypeScript's require(esm) under nodenext).
import core = require('@kerjasama/core')
import memory = require('@kerjasama/store-memory')

export const service: core.AgreementService = core.createAgreementService({ store: memory.openMemoryStore() })
export const recognised: boolean = core.isKerjasamaError(new core.StoreClosed())
