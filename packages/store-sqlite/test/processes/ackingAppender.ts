import { openSqliteStore } from '../../src/index'

/**
 * Appends batches of `batch` events round-robin over a few streams until it
 * is killed, printing "ack <stream> <version> <lastPosition>" only after each
 * append has resolved, i.e. after its commit. Stdout to a pipe is written
 * synchronously on Linux, so every printed ack was durable before the kill.
 */
const [file, batchText] = process.argv.slice(2) as [string, string]
const batch = Number(batchText)
const store = openSqliteStore({ file })
const metadata = { actor: { id: 'killed', role: 'test' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' }
const versions = new Map<string, number>()
process.stdout.write('ready\n')
for (let round = 0; ; round += 1) {
  const streamId = `kill-${round % 5}`
  const expected = versions.get(streamId) ?? 0
  // A large-ish payload makes each commit span several pages, so the kill often lands inside one.
  const events = Array.from({ length: batch }, (_, index) => ({ type: 'Written', schemaVersion: 1, data: { round, index, padding: 'x'.repeat(2000) }, metadata }))
  const result = await store.append(streamId, events, { expectedVersion: expected })
  versions.set(streamId, result.nextExpectedVersion)
  process.stdout.write(`ack ${streamId} ${result.nextExpectedVersion} ${result.lastPosition}\n`)
}
