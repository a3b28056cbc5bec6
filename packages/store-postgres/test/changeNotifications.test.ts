import { openPostgresStore } from '@kerjasama/store-postgres'
import type { ChangeNotice } from '@kerjasama/store-postgres'
import { postgresAvailability } from '@kerjasama/store-postgres/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { event, testStores } from './testStores'

const postgres = await postgresAvailability()
const stores = testStores()

describe.skipIf(!postgres.available)('PostgreSQL change notifications (LISTEN/NOTIFY)', () => {
  beforeAll(() => stores.setup())
  afterAll(() => stores.teardown())

  it('a subscriber hears each committed append to its tenants with the last position, and nothing of other tenants', async () => {
    const listener = await stores.open({ tenant: '33.05' })
    const writer = await stores.open({ tenant: '33.05' })
    const stranger = await stores.open({ tenant: '33.99' })
    const heard: ChangeNotice[] = []
    let wake: () => void = () => undefined
    const unsubscribe = await listener.subscribe((notice) => {
      heard.push(notice)
      wake()
    })
    const arrived = new Promise<void>((resolve) => {
      wake = resolve
    })
    await stranger.append('agreement-elsewhere', [event('Elsewhere')], { expectedVersion: 'none' })
    const written = await writer.append('agreement-here', [event('A'), event('B')], { expectedVersion: 'none' })
    await arrived
    expect(heard).toEqual([{ tenant: '33.05', position: written.lastPosition }])
    unsubscribe()
  })

  it('a burst of concurrent appends is announced up to its highest position, in notices that never go back', async () => {
    const listener = await stores.open({ tenant: 'burst' })
    const writer = await stores.open({ tenant: 'burst' })
    const heard: bigint[] = []
    let highest = 0n
    let wake: () => void = () => undefined
    const unsubscribe = await listener.subscribe((notice) => {
      heard.push(notice.position)
      if (notice.position >= highest && highest > 0n) wake()
    })
    const arrived = new Promise<void>((resolve) => {
      wake = resolve
    })
    const results = await Promise.all(Array.from({ length: 12 }, (_, n) => writer.append(`agreement-burst-${n}`, [event('Burst')], { expectedVersion: 'none' })))
    highest = results.reduce((top, result) => (result.lastPosition > top ? result.lastPosition : top), 0n)
    if (heard.some((position) => position >= highest)) wake()
    await arrived
    // Coalesced while one is in flight, so fewer notices than appends may come, but the last names the highest.
    expect(heard.length).toBeGreaterThan(0)
    expect(heard.length).toBeLessThanOrEqual(results.length)
    expect(heard.at(-1)).toBe(highest)
    expect(heard.every((position, i) => i === 0 || position > (heard[i - 1] as bigint))).toBe(true)
    unsubscribe()
    // Gives its LISTEN connection back to the file's small shared pool.
    await listener.close()
  })

  it('a store closed right after appends still announces the last of them', async () => {
    const listener = await stores.open({ tenant: 'closing' })
    // A pool of its own (from the PG* variables), which close() ends: nothing can be sent after it.
    const writer = await openPostgresStore({ schema: stores.schema().schema, tenant: 'closing', poolSize: 2 })
    let last = 0n
    let wake: () => void = () => undefined
    const heardLast = new Promise<void>((resolve) => {
      wake = resolve
    })
    const unsubscribe = await listener.subscribe((notice) => {
      if (last > 0n && notice.position === last) wake()
    })
    await writer.append('agreement-closing-1', [event('First')], { expectedVersion: 'none' })
    // Within the notice interval of the first: held back, then sent by close.
    last = (await writer.append('agreement-closing-2', [event('Second')], { expectedVersion: 'none' })).lastPosition
    await writer.close()
    await heardLast
    unsubscribe()
    await listener.close()
  })

  it('waitForChange wakes on the next append, and reports a timeout or an abort as false', async () => {
    const waiter = await stores.open({ tenant: 'wait' })
    const writer = await stores.open({ tenant: 'wait' })
    expect(await waiter.waitForChange({ timeoutMs: 30 })).toBe(false)
    const controller = new AbortController()
    const aborted = waiter.waitForChange({ timeoutMs: 60_000, signal: controller.signal })
    controller.abort()
    expect(await aborted).toBe(false)
    const waiting = waiter.waitForChange({ timeoutMs: 60_000 })
    // Appends until the wake-up arrives: the LISTEN may start after the first one.
    let n = 0
    let woke: boolean | undefined
    void waiting.then((value) => (woke = value))
    while (woke === undefined) {
      await writer.append(`agreement-${n}`, [event('Woken')], { expectedVersion: 'none' })
      n += 1
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(woke).toBe(true)
  })

  it('with notify off, appends stay silent and readers rely on polling', async () => {
    const listener = await stores.open({ tenant: 'quiet' })
    const writer = await stores.open({ tenant: 'quiet', notify: false })
    const waiting = listener.waitForChange({ timeoutMs: 300 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await writer.append('agreement-quiet', [event('Quiet')], { expectedVersion: 'none' })
    expect(await waiting).toBe(false)
  })
})
