import { defineProject, type TestProjectInlineConfiguration } from 'vitest/config'

// One test project per package and example. Tests import workspace packages
// from source through the "@kerjasama/source" export condition, so no build
// is needed before `pnpm test`.
const sourceCondition = ['@kerjasama/source', 'node', 'import', 'default']
// Vitest also hands the SSR conditions to Node as --conditions for external
// dependencies; 'import' there would make CommonJS require() pick a package's
// ESM entry (pg requiring pg-pool breaks), so SSR keeps only the source condition.
const ssrCondition = ['@kerjasama/source', 'node']

function project(name: string, root: string, overrides: Record<string, unknown> = {}): TestProjectInlineConfiguration {
  return {
    extends: true,
    ...defineProject({
      root,
      resolve: { conditions: sourceCondition },
      ssr: { resolve: { conditions: ssrCondition } },
      test: {
        name,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        environment: 'node',
        ...overrides,
      },
    }),
  }
}

export const projects: TestProjectInlineConfiguration[] = [
  project('core', 'packages/core'),
  project('store-memory', 'packages/store-memory'),
  project('store-contract', 'packages/store-contract'),
  project('store-sqlite', 'packages/store-sqlite', { testTimeout: 60_000 }),
  // PostgreSQL tests share one server; each file uses its own schema.
  project('store-postgres', 'packages/store-postgres', { testTimeout: 60_000 }),
  project('projections', 'packages/projections', { testTimeout: 60_000 }),
  project('regions-id', 'packages/regions-id'),
  // End-to-end tests listen on 127.0.0.1, port 0.
  project('http', 'packages/http', { testTimeout: 30_000 }),
  // Each test runs whole commands (the demo's fifty-odd appends, serve on a socket), several files at once.
  project('cli', 'packages/cli', { testTimeout: 30_000, hookTimeout: 30_000 }),
  project('example-jateng', 'examples/jateng'),
  project('example-getting-started', 'examples/getting-started'),
  project('example-http-api', 'examples/http-api', { testTimeout: 60_000 }),
  // The published manifests and tarballs (pack-and-install itself runs in .ci/run).
  project('packaging', 'packaging'),
  // The benchmark harness's own logic (plan, statistics, report); the benchmark itself is `pnpm bench`.
  project('bench', 'packages/bench'),
]
