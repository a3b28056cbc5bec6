import { describe, expect, it } from 'vitest'
import { importedPackages, packageOfSpecifier, undeclaredImportProblems } from '../src/undeclaredImports'

describe('the check for imports of undeclared packages', () => {
  it('finds every package a module or declaration file names, scoped or not, by subpath too', () => {
    const text = [
      "import { Pool } from 'pg';",
      "import type { z } from 'zod'",
      "export { describe } from 'vitest';",
      "type T = import('@kerjasama/core/adapter').SerializedEvent",
      '/// <reference types="node" />',
      "import { x } from './chunk-abc.js'",
      'import { stringify } from "csv-stringify/sync";',
      'const adapter = await import("@kerjasama/store-sqlite");',
    ].join('\n')
    expect([...importedPackages(text)].sort()).toEqual(['@kerjasama/core', '@kerjasama/store-sqlite', 'csv-stringify', 'node', 'pg', 'vitest', 'zod'])
    expect(packageOfSpecifier('./roles.js')).toBeUndefined()
  })

  it('refuses a file that names a devDependency or an undeclared package, and accepts dependencies, peers, itself and built-ins', () => {
    const manifest = { name: '@kerjasama/store-example', dependencies: { pg: '^8.23.1' }, peerDependencies: { '@kerjasama/core': '^0.1.0' }, devDependencies: { vitest: '4.1.12' } }
    const declarations = new Map([
      ['dist/index.d.ts', "import { Pool } from 'pg'\nimport type { EventStore } from '@kerjasama/core'\nimport { EventEmitter } from 'node:events'\nimport { Readable } from 'stream'\nexport * from '@kerjasama/store-example/testing'"],
      ['dist/testing.d.ts', "import { describe } from 'vitest'"],
      ['dist/chunk-x.js', 'import { stringify } from "csv-stringify/sync";'],
    ])
    expect(undeclaredImportProblems(manifest, declarations)).toEqual([
      '@kerjasama/store-example: dist/testing.d.ts imports "vitest", which is neither a dependency nor a peer dependency',
      '@kerjasama/store-example: dist/chunk-x.js imports "csv-stringify", which is neither a dependency nor a peer dependency',
    ])
  })
})
