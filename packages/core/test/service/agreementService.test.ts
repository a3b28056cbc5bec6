import { describe, expect, it } from 'vitest'
import { openMemoryStore } from '@kerjasama/store-memory'
import { builtInGuards, fold, parseAgreementEvent } from '../../src/agreement'
import { KerjasamaError } from '../../src/errors'
import { createAgreementService } from '../../src/handler'
import type { AgreementServiceOptions } from '../../src/handler'
import type { EventStore } from '../../src/store'
import { agreementLifecycle, ceremonial, sequentialIds, testActors, testClock } from '../../src/testing'
import type { LifecycleStep } from '../../src/testing'
import { alwaysConflictingStore, countingStore, racingStore } from './storeDoubles'

const START = '2022-02-22T02:00:00.000Z'
const DAY_MS = 86_400_000

function setup(options: Partial<AgreementServiceOptions> & { store?: EventStore } = {}) {
  const store = countingStore(options.store ?? openMemoryStore())
  const clock = testClock(START)
  const service = createAgreementService({ clock, ids: sequentialIds('svc'), ...options, store })
  return { store, clock, service }
}

async function runUntil(service: ReturnType<typeof setup>['service'], clock: ReturnType<typeof setup>['clock'], steps: LifecycleStep[], stopBefore: string): Promise<void> {
  for (const step of steps) {
    if (step.label === stopBefore) return
    clock.set(new Date(Date.parse(START) + step.day * DAY_MS))
    await service.execute(step.command, { actor: step.actor })
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof KerjasamaError) return error.code
    throw error
  }
  throw new Error('expected a refusal')
}

async function refusalOf(promise: Promise<unknown>): Promise<KerjasamaError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof KerjasamaError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterable) items.push(item)
  return items
}

describe('createAgreementService', () => {
  it('gives a new agreement an id, appends at version 1 and records who, when and why', async () => {
    const { service } = setup()
    const [identify] = agreementLifecycle('KSDPK', { agreementId: 'ignored', start: START })
    const { agreementId: _ignored, ...command } = identify!.command
    const result = await service.execute(command, { actor: testActors.opd, correlationId: 'rakor-2022' })
    expect(result.agreementId).toMatch(/^svc-/)
    expect(result.version).toBe(1)
    expect(result.duplicate).toBe(false)
    const [event] = result.events
    expect(event!.streamId).toBe(`agreement-${result.agreementId}`)
    expect(event!.metadata).toMatchObject({ actor: testActors.opd, correlationId: 'rakor-2022', recordedAt: START })
    expect(typeof event!.metadata.causationId).toBe('string')
    expect(event!.metadata.disabledGuards).toBeUndefined()
  })

  it('takes a KSDPK agreement from identified to evaluated, and load equals folding the history', async () => {
    const { service, clock } = setup()
    const steps = agreementLifecycle('KSDPK', { agreementId: 'kebumen-gula', start: START })
    await runUntil(service, clock, steps, '(none)')
    const state = await service.load('kebumen-gula')
    expect(state.status).toBe('evaluated')
    const history = await service.history('kebumen-gula')
    expect(history.map((event) => event.version)).toEqual(history.map((_, index) => index + 1))
    expect(fold(history.map((event) => parseAgreementEvent(event.type, event.schemaVersion, event.data)))).toEqual(state)
  })

  it('one command shares one causation id across its events; the correlation id defaults to it', async () => {
    const { service, clock } = setup()
    const steps = agreementLifecycle('Sinergi', { agreementId: 'setwan', start: START })
    await runUntil(service, clock, steps, '(none)')
    const history = await service.history('setwan')
    const causations = new Set(history.map((event) => event.metadata.causationId))
    expect(causations.size).toBe(steps.length)
    for (const cause of causations) {
      const events = history.filter((event) => event.metadata.causationId === cause)
      expect(new Set(events.map((event) => event.metadata.recordedAt)).size).toBe(1)
    }
    for (const event of history) expect(event.metadata.correlationId).toBe(event.metadata.causationId)
  })

  it('a role that may not issue the command gets NOT_AUTHORIZED and nothing is appended', async () => {
    const { service, clock, store } = setup()
    const steps = agreementLifecycle('KSDPK', { agreementId: 'a1', start: START })
    await runUntil(service, clock, steps, 'map')
    const before = store.appends
    const map = steps.find((step) => step.label === 'map')!
    expect(await codeOf(service.execute(map.command, { actor: testActors.partner }))).toBe('NOT_AUTHORIZED')
    expect(store.appends).toBe(before)
    expect(await service.history('a1')).toHaveLength(1)
  })

  it('a guard violation appends nothing', async () => {
    const { service, clock, store } = setup()
    const steps = agreementLifecycle('KSDPK', { agreementId: 'a2', start: START })
    await runUntil(service, clock, steps, 'complete action')
    const before = await service.history('a2')
    const appendsBefore = store.appends
    const complete = steps.find((step) => step.label === 'complete action')!
    expect(await codeOf(service.execute(ceremonial.withoutEvidence(complete.command), { actor: complete.actor }))).toMatch(/GUARD_VIOLATION|VALIDATION_FAILED/)
    expect(await service.history('a2')).toEqual(before)
    expect(store.appends).toBe(appendsBefore)
  })

  it('re-decides on the fresh state when another writer moved the stream, then succeeds', async () => {
    const base = openMemoryStore()
    const partners = [{ partnerId: 'p1', name: 'Mitra Satu', kind: 'pihak-ketiga' as const }, { partnerId: 'p2', name: 'Mitra Dua', kind: 'pihak-ketiga' as const }]
    const steps = agreementLifecycle('KSDPK', { agreementId: 'race', start: START, partners })
    const first = setup({ store: base })
    await runUntil(first.service, first.clock, steps, 'accept-p1')
    const acceptP1 = steps.find((step) => step.label === 'accept-p1')!
    const acceptP2 = steps.find((step) => step.label === 'accept-p2')!
    const racing = racingStore(base, 1, async () => {
      await first.service.execute(acceptP2.command, { actor: acceptP2.actor })
    })
    const { service } = setup({ store: racing })
    const versionBefore = (await service.history('race')).length
    const result = await service.execute(acceptP1.command, { actor: acceptP1.actor })
    expect(racing.attempts).toBe(2)
    expect(result.version).toBe(versionBefore + 2)
  })

  it('many officers acting at once on one agreement: every command lands, versions stay gap-free', async () => {
    const partners = Array.from({ length: 6 }, (_, index) => ({ partnerId: `p${index}`, name: `Mitra ${index}`, kind: 'pihak-ketiga' as const }))
    const steps = agreementLifecycle('KSDPK', { agreementId: 'busy', start: START, partners })
    const { service, clock } = setup({ maxRetries: 10 })
    await runUntil(service, clock, steps, 'accept-p0')
    const accepts = steps.filter((step) => step.label.startsWith('accept-'))
    await Promise.all(accepts.map((step) => service.execute(step.command, { actor: step.actor })))
    const history = await service.history('busy')
    expect(history.map((event) => event.version)).toEqual(history.map((_, index) => index + 1))
    expect(history.filter((event) => event.type === 'OfferResponseRecorded')).toHaveLength(partners.length)
  })

  it('gives up after maxRetries and rethrows the coded ConcurrencyError', async () => {
    const conflicting = alwaysConflictingStore(openMemoryStore())
    const { service } = setup({ store: conflicting, maxRetries: 2 })
    const [identify] = agreementLifecycle('KSDPK', { agreementId: 'never', start: START })
    expect(await codeOf(service.execute(identify!.command, { actor: identify!.actor }))).toBe('STREAM_VERSION_CONFLICT')
    expect(conflicting.attempts).toBe(3)
  })

  it('the same idempotency key returns the first result and writes nothing new', async () => {
    const { service, store } = setup()
    const [identify] = agreementLifecycle('KSDPK', { agreementId: 'x', start: START })
    const { agreementId: _x, ...command } = identify!.command
    const first = await service.execute(command, { actor: testActors.opd, idempotencyKey: 'form-17' })
    const again = await service.execute(command, { actor: testActors.opd, idempotencyKey: 'form-17' })
    expect(again.duplicate).toBe(true)
    expect(again.agreementId).toBe(first.agreementId)
    expect(again.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id))
    expect(store.appends).toBe(1)
  })

  it('a retried later step with its idempotency key returns the first result instead of being decided again', async () => {
    const { service, clock, store } = setup()
    const steps = agreementLifecycle('KSDPK', { agreementId: 'idem', start: START })
    await runUntil(service, clock, steps, 'map')
    const map = steps.find((step) => step.label === 'map')!
    const first = await service.execute(map.command, { actor: map.actor, idempotencyKey: 'map-once' })
    const appends = store.appends
    const again = await service.execute(map.command, { actor: map.actor, idempotencyKey: 'map-once' })
    expect(again).toEqual({ ...first, duplicate: true })
    expect(store.appends).toBe(appends)
  })

  it('a retried new agreement without an id returns the first agreement: no second one is created', async () => {
    const { service, store } = setup()
    const [identify] = agreementLifecycle('KSDPK', { agreementId: 'x', start: START })
    const { agreementId: _x, ...command } = identify!.command
    const first = await service.execute(command, { actor: testActors.opd, idempotencyKey: 'form-18' })
    const reordered = Object.fromEntries(Object.entries(command).reverse()) as typeof command
    const again = await service.execute(reordered, { actor: testActors.opd, idempotencyKey: 'form-18', correlationId: 'retry-after-timeout' })
    expect(again).toEqual({ ...first, duplicate: true })
    const streams = new Set((await collect(store.readAll())).map((event) => event.streamId))
    expect([...streams]).toEqual([`agreement-${first.agreementId}`])
  })

  it('the same key for another command on the same agreement is IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    const { service, clock, store } = setup()
    const steps = agreementLifecycle('KSDPK', { agreementId: 'reuse-same', start: START })
    const [identify, map] = steps
    await service.execute(identify!.command, { actor: identify!.actor, idempotencyKey: 'form-19' })
    clock.set(new Date(Date.parse(START) + map!.day * DAY_MS))
    const before = await collect(store.readAll())
    const refused = await refusalOf(service.execute(map!.command, { actor: map!.actor, idempotencyKey: 'form-19' }))
    expect(refused.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(refused.details).toEqual({ idempotencyKey: 'form-19' })
    expect(await collect(store.readAll())).toEqual(before)
    // The same key on the same agreement with a changed field is another command too.
    const changed = { ...identify!.command, object: 'Pengembangan sentra gula semut' }
    expect(await codeOf(service.execute(changed, { actor: identify!.actor, idempotencyKey: 'form-19' }))).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await collect(store.readAll())).toEqual(before)
  })

  it('the same key for a command on another agreement is IDEMPOTENCY_KEY_REUSED, writes nothing and does not name the first agreement', async () => {
    const { service, store } = setup()
    const [first] = agreementLifecycle('KSDPK', { agreementId: 'kebumen-gula', start: START })
    const [second] = agreementLifecycle('KSDPK', { agreementId: 'kebumen-batik', start: START, object: 'Pengembangan sentra batik' })
    await service.execute(first!.command, { actor: first!.actor, idempotencyKey: 'form-20' })
    const before = await collect(store.readAll())
    const refused = await refusalOf(service.execute(second!.command, { actor: second!.actor, idempotencyKey: 'form-20' }))
    expect(refused.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(JSON.stringify({ message: refused.message, localized: refused.localized, details: refused.details })).not.toContain('kebumen-gula')
    expect(await collect(store.readAll())).toEqual(before)
    expect(await service.history('kebumen-batik')).toEqual([])
    // A new agreement without an id but with other content is another command as well.
    const { agreementId: _id, ...withoutId } = second!.command
    expect(await codeOf(service.execute(withoutId, { actor: second!.actor, idempotencyKey: 'form-20' }))).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await collect(store.readAll())).toEqual(before)
  })

  it('the same key and command from another actor is IDEMPOTENCY_KEY_REUSED: a key never hands one officer the result of another', async () => {
    const { service, store } = setup()
    const [identify] = agreementLifecycle('KSDPK', { agreementId: 'x', start: START })
    const { agreementId: _x, ...command } = identify!.command
    await service.execute(command, { actor: testActors.opd, idempotencyKey: 'form-21' })
    const otherOfficer = { ...testActors.opd, id: 'opd-dinas-pertanian-kebumen' }
    expect(await codeOf(service.execute(command, { actor: otherOfficer, idempotencyKey: 'form-21' }))).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await codeOf(service.execute(command, { actor: testActors.tkksd, idempotencyKey: 'form-21' }))).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(store.appends).toBe(1)
  })

  it('records the built-in guards a region disabled in every event it writes', async () => {
    const code = builtInGuards[0]!.code
    const { service } = setup({ policy: { disabledGuards: [code] } })
    const [identify] = agreementLifecycle('KSDPK', { agreementId: 'policy', start: START })
    const result = await service.execute(identify!.command, { actor: identify!.actor })
    expect(result.events[0]!.metadata.disabledGuards).toEqual([code])
  })

  it('refuses malformed actors and options with a coded ValidationError', async () => {
    const { service, store } = setup()
    const [identify] = agreementLifecycle('KSDPK', { agreementId: 'v', start: START })
    for (const options of [undefined, {}, { actor: { id: '', role: 'opd' } }, { actor: { id: 'x' } }, { actor: testActors.opd, idempotencyKey: 42 }]) {
      expect(await codeOf(service.execute(identify!.command, options as never))).toBe('VALIDATION_FAILED')
    }
    expect(store.appends).toBe(0)
  })

  it('refuses a store that is not an EventStore, and a bad retry bound', () => {
    expect(() => createAgreementService({ store: {} as EventStore })).toThrowError(KerjasamaError)
    expect(() => createAgreementService({ store: openMemoryStore(), maxRetries: -1 })).toThrowError(KerjasamaError)
  })

  it('load of an unknown agreement is AGREEMENT_NOT_FOUND; its history is empty', async () => {
    const { service } = setup()
    expect(await codeOf(service.load('nope'))).toBe('AGREEMENT_NOT_FOUND')
    expect(await service.history('nope')).toEqual([])
  })
})
