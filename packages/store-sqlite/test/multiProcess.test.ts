import { afterEach, describe, expect, it } from 'vitest'
import type { StoredEvent } from '@kerjasama/core'
import { openSqliteStore } from '../src/index'
import { finished, printed, spawnChild } from './processes/spawnChild'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

async function readEverything(file: string): Promise<StoredEvent[]> {
  const store = openSqliteStore({ file })
  const events: StoredEvent[] = []
  for await (const event of store.readAll({ batchSize: 100 })) events.push(event)
  await store.close()
  return events
}

describe('several processes on one file', () => {
  it('R1–R5 four processes appending concurrently (own and shared streams, one shared idempotency key) lose nothing, write a keyed command once, keep versions gap-free and positions strictly increasing', async () => {
    const database = tempDatabase('multi')
    cleanups.push(database.remove)
    const writers = 4
    const count = 60
    const children = Array.from({ length: writers }, (_, writer) => spawnChild('./concurrentAppender.ts', [database.file, String(writer), String(count)]))
    const exits = children.map(finished)
    const onceResults = children.map((child) => {
      let output = ''
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8')
      })
      return () => output.split('\n').filter((line) => line.startsWith('once '))
    })
    await Promise.all(children.map((child) => printed(child, 'ready')))
    for (const child of children) child.stdin?.end('go\n')
    await Promise.all(exits)

    const onceLines = onceResults.flatMap((lines) => lines())
    expect(onceLines).toHaveLength(writers)
    expect(new Set(onceLines.map((line) => line.split(' ').slice(1, 3).join(' '))).size).toBe(1)
    expect(onceLines.filter((line) => line.endsWith(' false'))).toHaveLength(1)

    const events = (await readEverything(database.file)).filter((event) => event.streamId !== 'once')
    expect(events).toHaveLength(writers * count * 2)
    const positions = events.map((event) => event.position)
    expect(positions.every((position, index) => index === 0 || position > (positions[index - 1] as bigint))).toBe(true)
    const byStream = new Map<string, StoredEvent[]>()
    for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event])
    expect([...byStream.keys()].sort()).toEqual(['own-0', 'own-1', 'own-2', 'own-3', 'shared'])
    for (const [streamId, streamEvents] of byStream) {
      expect(streamEvents.map((event) => event.version), streamId).toEqual(streamEvents.map((_, index) => index + 1))
    }
    // Every (writer, index) pair reached the shared stream exactly once.
    const shared = (byStream.get('shared') ?? []).map((event) => JSON.stringify(event.data))
    expect(new Set(shared).size).toBe(writers * count)

    const store = openSqliteStore({ file: database.file })
    expect(await store.verify()).toEqual({ ok: true, streamsChecked: writers + 2, eventsChecked: writers * count * 2 + 1, problems: [] })
    await store.close()
  }, 60_000)

  it('R1 a process killed with SIGKILL mid-append leaves every acknowledged append and no partial one', async () => {
    const database = tempDatabase('kill')
    cleanups.push(database.remove)
    const batch = 3
    const child = spawnChild('./ackingAppender.ts', [database.file, String(batch)])
    const exit = finished(child)
    const acks: Array<{ streamId: string; version: number; lastPosition: bigint }> = []
    const killed = new Promise<void>((resolve) => {
      let pending = ''
      child.stdout?.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8')
        const lines = pending.split('\n')
        pending = lines.pop() ?? ''
        for (const line of lines) {
          const [word, streamId, version, lastPosition] = line.split(' ')
          if (word !== 'ack') continue
          acks.push({ streamId: streamId as string, version: Number(version), lastPosition: BigInt(lastPosition as string) })
          if (acks.length === 60) {
            child.kill('SIGKILL')
            resolve()
          }
        }
      })
    })
    // A child that fails before it is killed fails the test with its stderr instead of hanging it.
    await Promise.race([killed, exit])
    await exit
    expect(child.signalCode).toBe('SIGKILL')

    const events = await readEverything(database.file)
    const stored = new Set(events.map((event) => `${event.streamId}@${event.version}`))
    const storedPositions = new Set(events.map((event) => event.position))
    for (const ack of acks) {
      expect(stored.has(`${ack.streamId}@${ack.version}`)).toBe(true)
      expect(storedPositions.has(ack.lastPosition)).toBe(true)
    }
    const counts = new Map<string, number>()
    for (const event of events) counts.set(event.streamId, (counts.get(event.streamId) ?? 0) + 1)
    for (const [streamId, count] of counts) expect(count % batch, streamId).toBe(0)

    const store = openSqliteStore({ file: database.file })
    const report = await store.verify()
    expect(report.problems).toEqual([])
    expect(report.eventsChecked).toBe(events.length)
    // The file is writable again straight away: the killed writer's lock died with it.
    await store.append('after-kill', [{ type: 'Written', schemaVersion: 1, data: {}, metadata: { actor: { id: 'a', role: 'r' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' } }], { expectedVersion: 'none' })
    await store.close()
  }, 60_000)
})
