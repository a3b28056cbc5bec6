import { createAgreementService } from '@kerjasama/core'
import { agreementLifecycle, testClock } from '@kerjasama/core/testing'
import type { Workload } from './workload'
import { oneConnection, onlyKerjasama } from './workload'

const DAY_MS = 86_400_000
const START = '2022-02-22T02:00:00.000Z'

/**
 * W7, the domain path: execute() of every command of a full KSDPK lifecycle,
 * identification to monev, for 1,000 agreements, one after another, each
 * command loading its stream, deciding with every guard, and appending.
 */
export const domainPath: Workload = {
  id: 'W7',
  title: 'domain path: execute() of full lifecycles',
  database: 'fresh',
  budgeted: true,
  notApplicable: onlyKerjasama,
  connections: oneConnection,
  async run({ subject, sizes, deadline }) {
    const kerjasama = subject.kerjasama
    if (kerjasama === undefined) throw new Error('W7 needs a Kerjasama store')
    const clock = testClock(START)
    const service = createAgreementService({ store: kerjasama.events, clock })
    let commands = 0
    let agreements = 0
    const started = performance.now()
    for (; agreements < sizes.domainPath.agreements && performance.now() <= deadline; agreements += 1) {
      for (const step of agreementLifecycle('KSDPK', { agreementId: `bench-${agreements}`, start: START })) {
        clock.set(new Date(Date.parse(START) + step.day * DAY_MS))
        await service.execute(step.command, { actor: step.actor })
        commands += 1
      }
    }
    const seconds = (performance.now() - started) / 1000
    return { metrics: { commandsPerSecond: commands / seconds, agreementsPerSecond: agreements / seconds, agreements }, notes: [] }
  },
}
