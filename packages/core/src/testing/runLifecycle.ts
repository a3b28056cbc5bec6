import type { AgreementService } from '../handler'
import { agreementLifecycle } from './agreementLifecycle'
import type { LifecycleOptions, LifecycleStep, LifecycleVariant } from './agreementLifecycle'
import type { TestClock } from './testClock'

const DAY_MS = 86_400_000

/**
 * Runs a good-path lifecycle through the service, moving the clock to each
 * step's day (never back). It starts at `options.start`, setting the clock
 * there, or at the clock's present instant; `stopBefore` ends it before the
 * first step whose label starts so, `steps` after that many. Returns the
 * steps run, so a test knows what the record holds.
 */
export async function runLifecycle(
  service: AgreementService,
  clock: TestClock,
  variant: LifecycleVariant,
  options: LifecycleOptions,
  until: { stopBefore?: string; steps?: number } = {},
): Promise<LifecycleStep[]> {
  const start = options.start === undefined ? clock() : clock.set(new Date(options.start))
  const all = agreementLifecycle(variant, { ...options, start })
  const stopAt = until.stopBefore === undefined ? -1 : all.findIndex((step) => step.label.startsWith(until.stopBefore as string))
  const steps = all.slice(0, until.steps ?? (stopAt === -1 ? all.length : stopAt))
  for (const step of steps) {
    const at = start.getTime() + step.day * DAY_MS
    if (at > clock().getTime()) clock.set(new Date(at))
    await service.execute(step.command, { actor: step.actor })
  }
  return steps
}
