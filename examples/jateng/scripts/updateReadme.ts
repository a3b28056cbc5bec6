/** Writes the read models' output into README.md between its markers; test/readme.test.ts fails when it is stale. */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readmeWithOutput } from '../test/support/readmeOutput'

const target = fileURLToPath(new URL('../README.md', import.meta.url))
writeFileSync(target, await readmeWithOutput(readFileSync(target, 'utf8')), 'utf8')
console.log(`wrote ${target}`)
