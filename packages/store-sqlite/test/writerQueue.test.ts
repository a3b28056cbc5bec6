import { spawn } from 'node:child_process'
import { existsSync, readdirSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { STALE_AFTER_MS, writerQueue } from '../src/writerQueue'
import type { WriterTicket } from '../src/writerQueue'
import { tempDatabase } from './support/tempDatabase'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function queueFolder(): string {
  const database = tempDatabase('queue')
  cleanups.push(database.remove)
  return `${database.file}-write-queue`
}

/** The pid of a process that has ended, so no process has it for now. */
async function pidOfEndedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.on('exit', resolve))
  return child.pid as number
}

describe('the line of writers waiting for the write lock', () => {
  it('serves writers in order of arrival: each ticket counts the tickets that joined before it and are still there', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant<'join'>('join'), fc.nat({ max: 7 })), { minLength: 1, maxLength: 30 }), (steps) => {
        const folder = queueFolder()
        const queue = writerQueue(folder)
        const line: WriterTicket[] = []
        for (const step of steps) {
          if (step === 'join') line.push(queue.join())
          else if (line.length > 0) line.splice(step % line.length, 1)[0]?.leave()
          expect(line.map((ticket) => ticket.place())).toEqual(line.map((_, index) => index))
          expect(queue.isEmpty()).toBe(line.length === 0)
        }
        for (const ticket of line) ticket.leave()
      }),
      { numRuns: 60 },
    )
  })

  it('keeps its folder only while someone waits', () => {
    const folder = queueFolder()
    const queue = writerQueue(folder)
    expect(existsSync(folder)).toBe(false)
    const first = queue.join()
    const second = queue.join()
    expect(readdirSync(folder)).toHaveLength(2)
    first.leave()
    expect(existsSync(folder)).toBe(true)
    second.leave()
    expect(existsSync(folder)).toBe(false)
  })

  it('skips and removes the ticket of a process that no longer exists (kill -9 while waiting)', async () => {
    const folder = queueFolder()
    const queue = writerQueue(folder)
    const mine = queue.join()
    // Number 0 sorts before every ticket the queue hands out, so the dead ticket stands at the head.
    const deadTicket = `00000000000000000000-${await pidOfEndedProcess()}`
    writeFileSync(join(folder, deadTicket), '')
    expect(mine.place()).toBe(0)
    expect(readdirSync(folder)).not.toContain(deadTicket)
    mine.leave()
  })

  it(`skips the ticket of a live process once the line has not moved and the ticket has not been touched for ${STALE_AFTER_MS} ms (a stopped process, a reused pid)`, async () => {
    const folder = queueFolder()
    const staleAfterMs = 100
    const queue = writerQueue(folder, { staleAfterMs })
    const mine = queue.join()
    // The parent (the test runner) is alive; its pid stands for another writer on this machine.
    const other = join(folder, `00000000000000000000-${process.ppid}`)
    writeFileSync(other, '')
    expect(mine.place()).toBe(1)
    const longAgo = new Date(Date.now() - 10 * staleAfterMs)
    utimesSync(other, longAgo, longAgo)
    // An old ticket that has only just come to the head is waited for: its owner may be about to take the lock.
    expect(mine.place()).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 2 * staleAfterMs))
    // A ticket that is touched (its owner is alive and waiting) is kept however long the line stands still.
    utimesSync(other, new Date(), new Date())
    expect(mine.place()).toBe(1)
    utimesSync(other, longAgo, longAgo)
    expect(mine.place()).toBe(0)
    expect(existsSync(other)).toBe(false)
    mine.leave()
  })

  it('skips a ticket carrying this process id that this process does not hold (left by an earlier process with the same pid)', () => {
    const folder = queueFolder()
    const queue = writerQueue(folder)
    const mine = queue.join()
    writeFileSync(join(folder, `00000000000000000000-${process.pid}`), '')
    expect(mine.place()).toBe(0)
    mine.leave()
  })

  it('a writer whose ticket was removed by another puts it back under the same name and keeps its place', () => {
    const folder = queueFolder()
    const queue = writerQueue(folder)
    const first = queue.join()
    const second = queue.join()
    const [firstName] = readdirSync(folder).sort()
    unlinkSync(join(folder, firstName as string))
    expect(second.place()).toBe(0)
    expect(first.place()).toBe(0)
    expect(readdirSync(folder)).toContain(firstName)
    expect(second.place()).toBe(1)
    first.leave()
    second.leave()
  })

  it('a waiter wakes when the writer ahead leaves, not only when its wait runs out', async () => {
    const folder = queueFolder()
    const queue = writerQueue(folder)
    const first = queue.join()
    const second = queue.join()
    expect(second.place()).toBe(1)
    const woke = second.untilAheadMoves(60_000).then(() => 'woke')
    setTimeout(() => first.leave(), 20)
    const outcome = await Promise.race([woke, new Promise((resolve) => setTimeout(() => resolve('still asleep'), 10_000))])
    expect(outcome).toBe('woke')
    expect(second.place()).toBe(0)
    second.leave()
  })
})
