import { existsSync, readdirSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { StoredEvent } from '@kerjasama/core'
import { openSqliteStore } from '../src/index'
import { STALE_AFTER_MS } from '../src/writerQueue'
import { finished, printed, spawnChild } from './processes/spawnChild'
import { quantile, runSteadyWriters } from './processes/steadyWriters'
import { event } from './support/sampleEvent'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

async function readEverything(file: string): Promise<StoredEvent[]> {
  const store = openSqliteStore({ file })
  const events: StoredEvent[] = []
  for await (const stored of store.readAll({ batchSize: 500 })) events.push(stored)
  await store.close()
  return events
}

/** A writer process standing in line for the lock the test holds: started, told to go, and seen with a ticket. */
async function writerInLine(file: string, queue: string, holder: Database.Database): Promise<ChildProcess> {
  const child = spawnChild('./steadyAppender.ts', [file, 'in-line', '1'])
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const exit = finished(child)
  exit.catch(() => undefined)
  await Promise.race([printed(child, 'ready'), exit])
  holder.exec('BEGIN IMMEDIATE')
  child.stdin?.end('go\n')
  const ticketOfChild = (): boolean => existsSync(queue) && readdirSync(queue).some((name) => name.endsWith(`-${child.pid}`))
  while (!ticketOfChild()) await new Promise((resolve) => setTimeout(resolve, 5))
  return child
}

function fileWithLockHolder(label: string): { file: string; queue: string; holder: Database.Database } {
  const database = tempDatabase(label)
  void openSqliteStore({ file: database.file }).close()
  const holder = new Database(database.file)
  cleanups.push(() => {
    if (holder.inTransaction) holder.exec('ROLLBACK')
    holder.close()
    database.remove()
  })
  return { file: database.file, queue: `${database.file}-write-queue`, holder }
}

describe('writers of several processes take turns at the write lock', () => {
  it('R1 eight processes appending back to back for five seconds beside a process spinning on the CPU: no append fails, each writer gets a fair share of turns, every event is there, each stream gap-free', async () => {
    const database = tempDatabase('eight')
    cleanups.push(database.remove)
    const writers = 8
    // The default busyTimeoutMs (5 s), as the writers had it.
    const { results } = await runSteadyWriters({ file: database.file, writers, count: 0, durationMs: 5000, cpuHog: true })

    const waits = results.flatMap((result) => result.latenciesMs).sort((a, b) => a - b)
    const summary = `appends ${waits.length}, wait p50 ${quantile(waits, 0.5).toFixed(1)} ms, p99 ${quantile(waits, 0.99).toFixed(1)} ms, max ${quantile(waits, 1).toFixed(1)} ms`
    expect(results.map((result) => result.errors), summary).toEqual(results.map(() => ({})))
    // Turns go round in order of arrival, so writers that run for the same
    // time make about as many appends each. With SQLite's busy handler some
    // writers took the lock hundreds of times while others got it once.
    const counts = results.map((result) => result.appended)
    expect(Math.min(...counts), `appends per writer: ${counts.join(', ')}`).toBeGreaterThanOrEqual(Math.max(...counts) / 2)
    expect(Math.min(...counts)).toBeGreaterThan(0)

    const events = await readEverything(database.file)
    expect(events).toHaveLength(results.reduce((sum, result) => sum + result.appended, 0))
    const positions = events.map((stored) => stored.position)
    expect(positions.every((position, index) => index === 0 || position > (positions[index - 1] as bigint))).toBe(true)
    for (const result of results) {
      const versions = events.filter((stored) => stored.streamId === `steady-${result.writer}`).map((stored) => stored.version)
      expect(versions, `steady-${result.writer}`).toEqual(Array.from({ length: result.appended }, (_, index) => index + 1))
    }
    const store = openSqliteStore({ file: database.file })
    expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: events.length })
    await store.close()
    // Every writer left the line: no ticket, no folder.
    expect(existsSync(`${database.file}-write-queue`)).toBe(false)
    // Eight processes starting on a loaded 2-core machine can take most of a minute.
  }, 120_000)

  it(`a writer killed with SIGKILL while in line does not hold up the writers behind it (its pid is gone, so they do not wait the ${STALE_AFTER_MS} ms a silent ticket gets)`, async () => {
    const { file, queue, holder } = fileWithLockHolder('killed-in-line')
    const child = await writerInLine(file, queue, holder)
    child.kill('SIGKILL')
    await finished(child)
    // Behind the dead ticket, with less patience than a silent ticket would be given.
    const store = openSqliteStore({ file, busyTimeoutMs: STALE_AFTER_MS / 2 })
    const appended = store.append('after-kill', [event()], { expectedVersion: 'none' })
    setTimeout(() => holder.exec('ROLLBACK'), 20)
    await expect(appended).resolves.toMatchObject({ nextExpectedVersion: 1 })
    expect(existsSync(queue)).toBe(false)
    await store.close()
  }, 60_000)

  it(`a writer stopped (SIGSTOP) while at the head of the line is passed over once its ticket has gone untouched for ${STALE_AFTER_MS} ms`, async () => {
    const { file, queue, holder } = fileWithLockHolder('stopped-in-line')
    const child = await writerInLine(file, queue, holder)
    child.kill('SIGSTOP')
    const store = openSqliteStore({ file })
    const appended = store.append('after-stop', [event()], { expectedVersion: 'none' })
    holder.exec('ROLLBACK')
    await expect(appended).resolves.toMatchObject({ nextExpectedVersion: 1 })
    child.kill('SIGKILL')
    await finished(child)
    await store.close()
    const stored = await readEverything(file)
    expect(stored.map((event) => event.streamId)).toEqual(['after-stop'])
  }, 60_000)
})
