import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openPostgresStore } from '@kerjasama/store-postgres'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { startDashboardApp } from './dashboardApp'

// pnpm dashboard [--postgres [--schema name]] [--file path] [--port n]
// pnpm passes its own "--" separator through; it is not an argument of ours.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    postgres: { type: 'boolean', default: false },
    schema: { type: 'string', default: 'kerjasama_dashboard' },
    file: { type: 'string', default: 'kerjasama-dashboard.db' },
    port: { type: 'string', default: '8080' },
  },
  strict: true,
})
const store = values.postgres
  ? await openPostgresStore({ schema: values.schema })
  : openSqliteStore({ file: resolve(process.env.INIT_CWD ?? process.cwd(), values.file) })
const app = await startDashboardApp({ store, port: Number(values.port), log: console.log })
console.log(`Dasbor Kerjasama / Kerjasama dashboard: ${app.url}`)
console.log(`API: ${app.url}api/register — OpenAPI: ${app.url}api/openapi.json — Ctrl+C untuk berhenti / to stop`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)))
