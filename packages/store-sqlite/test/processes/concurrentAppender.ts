import { openSqliteStore } from '../../src/index'

/**
 * One of several processes appending to the same file: `count` single-event
 * appends to its own stream and `count` to a stream every writer shares,
 * retrying the shared ones on a version conflict with the version the error
 * reports.
 */
const [file, writer, countText] = process.argv.slice(2) as [string, string, string]
const count = Number(countText)
const store = openSqliteStore({ file })
const metadata = { actor: { id: `writer-${writer}`, role: 'test' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' }
// Every writer opens the file, says so, and waits for the parent's go, so the appends of all writers overlap.
process.stdout.write('ready\n')
await new Promise((resolve) => process.stdin.once('data', resolve))
// Every writer sends the same keyed command once: exactly one may write it (R4).
// Its content is the same in every writer, or the losers would be refused as a reused key.
const once = await store.append('once', [{ type: 'Written', schemaVersion: 1, data: { command: 'once' }, metadata }], { expectedVersion: 'any', idempotencyKey: 'once-key' })
process.stdout.write(`once ${once.firstPosition} ${once.lastPosition} ${once.duplicate}\n`)
let sharedVersion = 0
for (let index = 0; index < count; index += 1) {
  await store.append(`own-${writer}`, [{ type: 'Written', schemaVersion: 1, data: { writer, index }, metadata }], { expectedVersion: index })
  for (;;) {
    try {
      const result = await store.append('shared', [{ type: 'Written', schemaVersion: 1, data: { writer, index }, metadata }], { expectedVersion: sharedVersion })
      sharedVersion = result.nextExpectedVersion
      break
    } catch (error) {
      const { code, details } = error as { code?: string; details?: { actual?: number } }
      if (code !== 'STREAM_VERSION_CONFLICT') throw error
      sharedVersion = details?.actual ?? sharedVersion
    }
  }
}
await store.close()
