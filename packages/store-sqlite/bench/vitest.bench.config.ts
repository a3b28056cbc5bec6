import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Benchmarks run against the sources of the workspace packages, like the tests.
const conditions = ['@kerjasama/source', 'node', 'default']

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { benchmark: { include: ['bench/**/*.bench.ts'] } },
})
