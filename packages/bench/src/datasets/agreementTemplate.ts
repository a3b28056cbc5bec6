import { createAgreementService } from '@kerjasama/core'
import { agreementLifecycle, testClock } from '@kerjasama/core/testing'
import { openMemoryStore } from '@kerjasama/store-memory'
import type { BenchEvent } from '../subjects/benchSubject'

const DAY_MS = 86_400_000
const START = '2022-02-22T02:00:00.000Z'

/**
 * One full KSDPK lifecycle decided by the real service, the events as the
 * store received them: the template the catch-up data set copies for each
 * of its agreements, without paying the decider for every copy.
 */
export async function agreementTemplate(): Promise<BenchEvent[]> {
  const store = openMemoryStore()
  const clock = testClock(START)
  const service = createAgreementService({ store, clock })
  for (const step of agreementLifecycle('KSDPK', { agreementId: 'template', start: clock() })) {
    clock.set(new Date(Date.parse(START) + step.day * DAY_MS))
    await service.execute(step.command, { actor: step.actor })
  }
  const events: BenchEvent[] = []
  for await (const event of store.readAll()) {
    events.push({ type: event.type, schemaVersion: event.schemaVersion, data: event.data as Record<string, unknown>, metadata: event.metadata })
  }
  return events
}
