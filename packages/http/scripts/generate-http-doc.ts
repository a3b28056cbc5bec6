/**
 * Writes docs/http.md. Run: pnpm --filter @kerjasama/http docs:http
 * test/docs/httpDocument.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderHttpDocument } from './httpDocument'

const target = fileURLToPath(new URL('../../../docs/http.md', import.meta.url))
writeFileSync(target, await renderHttpDocument(), 'utf8')
console.log(`wrote ${target}`)
