import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { quantile, runSteadyWriters } from '../test/processes/steadyWriters'

// How long single appends wait when several processes append to one file
// back to back (issue 6), on a machine kept busy by a process spinning on
// the CPU: 4 and 8 writers, 300 appends each, durability 'full'. The wait of
// an append is its whole call, from append() to its resolution. Run by
// `pnpm bench` after the vitest benchmarks; ROUNDS=n repeats each setting.
const rounds = Number(process.env.ROUNDS ?? 1)
const rows: string[] = []
for (const writers of [4, 8]) {
  for (let round = 0; round < rounds; round += 1) {
    const directory = mkdtempSync(join(tmpdir(), 'kerjasama-bench-writers-'))
    try {
      const { results, wallMs } = await runSteadyWriters({ file: join(directory, 'bench.db'), writers, count: 300, cpuHog: true })
      const waits = results.flatMap((result) => result.latenciesMs).sort((a, b) => a - b)
      const failed = results.reduce((sum, result) => sum + Object.values(result.errors).reduce((all, count) => all + count, 0), 0)
      const cell = (ms: number): string => ms.toFixed(ms < 10 ? 2 : 0).padStart(8)
      rows.push(
        `${String(writers).padStart(7)} ${cell(quantile(waits, 0.5))} ${cell(quantile(waits, 0.99))} ${cell(quantile(waits, 1))} ${String(Math.round((waits.length / wallMs) * 1000)).padStart(9)} ${String(failed).padStart(6)}`,
      )
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  }
}
process.stdout.write(`\nSQLite, several processes appending to one file beside a CPU hog (wait per append, ms)\nwriters      p50      p99      max  appends/s failed\n${rows.join('\n')}\n`)
