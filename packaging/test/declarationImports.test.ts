import { describe, expect, it } from 'vitest'
import { declarationImportProblems, importedPackages, packageOfSpecifier } from '../src/declarationImports'

describe('the .d.ts import check', () => {
  it('finds every package a declaration file names, scoped or not, by subpath too', () => {
    const text = [
      "import { Pool } from 'pg';",
      "import type { z } from 'zod'",
      "export { describe } from 'vitest';",
      "type T = import('@kerjasama/core/adapter').SerializedEvent",
      '/// <reference types="node" />',
      "import { x } from './chunk-abc.js'",
    ].join('\n')
    expect([...importedPackages(text)].sort()).toEqual(['@kerjasama/core', 'node', 'pg', 'vitest', 'zod'])
    expect(packageOfSpecifier('./roles.js')).toBeUndefined()
  })

  it('refuses a .d.ts that names a devDependency, and accepts dependencies, peers, itself and built-ins', () => {
    const manifest = { name: '@kerjasama/store-example', dependencies: { pg: '^8.23.1' }, peerDependencies: { '@kerjasama/core': '^0.1.0' }, devDependencies: { vitest: '4.1.12' } }
    const declarations = new Map([
      ['dist/index.d.ts', "import { Pool } from 'pg'\nimport type { EventStore } from '@kerjasama/core'\nimport { EventEmitter } from 'node:events'\nimport { Readable } from 'stream'\nexport * from '@kerjasama/store-example/testing'"],
      ['dist/testing.d.ts', "import { describe } from 'vitest'"],
    ])
    expect(declarationImportProblems(manifest, declarations)).toEqual([
      '@kerjasama/store-example: dist/testing.d.ts imports "vitest", which is neither a dependency nor a peer dependency',
    ])
  })
})
