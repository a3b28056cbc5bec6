import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/**
 * The measuring processes run one bundle of the child entry, Kerjasama's
 * sources included (through the @kerjasama/source condition, as the tests
 * use them), built once per run: a process then starts in well under a
 * second, where compiling the TypeScript on every start took several on a
 * busy 2-core machine. The native drivers stay outside the bundle and load
 * from this package's node_modules; Emmett loads from its own folder.
 */
export async function buildChildBundle(outputFolder: string, entry: URL = new URL('./child.ts', import.meta.url), name = 'child.mjs'): Promise<string> {
  mkdirSync(outputFolder, { recursive: true })
  const outfile = join(outputFolder, name)
  await build({
    entryPoints: [fileURLToPath(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@kerjasama/source'],
    // esbuild itself stays outside too: the scale run's bundle (registerAtScale.ts) imports this file.
    external: ['better-sqlite3', 'pg', 'pg-native', 'esbuild'],
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    logLevel: 'warning',
  })
  return outfile
}
