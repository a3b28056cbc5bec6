import { z } from 'zod'
import { KerjasamaError, parseOrThrow } from '@kerjasama/core'

export const waitOptionsSchema = z.strictObject({
  timeoutMs: z.number().int().min(0).max(24 * 60 * 60 * 1000),
  /** Only these projections; default every projection of the runner. */
  projections: z.array(z.string()).min(1).optional(),
})
export type WaitOptions = z.input<typeof waitOptionsSchema>

export function checkWaitOptions(options: unknown): z.output<typeof waitOptionsSchema> {
  return parseOrThrow(waitOptionsSchema, options, { id: 'opsi waitUntilCaughtUp', en: 'waitUntilCaughtUp options' })
}

export type CatchUpCheck = {
  /** Projections whose active build has not yet committed `position`, with their checkpoints. */
  behind: Array<{ projection: string; checkpoint: bigint }>
  /** A projection stopped below `position` at a poison event: it will never get there by waiting. */
  failure?: KerjasamaError
}

/**
 * Read-your-writes: resolves once every projection's active build has
 * committed `position` (an append's `lastPosition`), at once if it already
 * has. The check reads the stored checkpoints, so it works the same whether
 * this instance or another holds the lease; `nextChange` resolves on this
 * runner's own commits or after a poll interval, whichever comes first.
 */
export async function waitUntilCaughtUp(
  position: bigint,
  options: WaitOptions,
  check: (position: bigint) => Promise<CatchUpCheck>,
  nextChange: (signal: AbortSignal) => Promise<void>,
): Promise<void> {
  parseOrThrow(z.bigint().nonnegative(), position, { id: 'posisi yang ditunggu', en: 'position to wait for' })
  const { timeoutMs } = checkWaitOptions(options)
  // A timer, not the injected clock: a test clock that jumps, or stands still, must not end the wait early or never.
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    for (;;) {
      const result = await check(position)
      if (result.failure !== undefined) throw result.failure
      if (result.behind.length === 0) return
      if (controller.signal.aborted) throw new ProjectionCatchUpTimeout(position, timeoutMs, result.behind)
      await nextChange(controller.signal)
    }
  } finally {
    clearTimeout(timer)
  }
}

/** waitUntilCaughtUp gave up: the projections named had not reached the position in time. */
export class ProjectionCatchUpTimeout extends KerjasamaError {
  constructor(position: bigint, timeoutMs: number, behind: Array<{ projection: string; checkpoint: bigint }>) {
    const names = behind.map((entry) => entry.projection).join(', ')
    super(
      'PROJECTION_CATCH_UP_TIMEOUT',
      {
        id: `Dalam ${timeoutMs} ms, proyeksi ${names} belum mencapai posisi ${position}; data yang ditampilkan mungkin belum memuat perubahan terakhir`,
        en: `Within ${timeoutMs} ms, projection ${names} had not reached position ${position}; what is shown may not yet include the latest change`,
      },
      { position: String(position), timeoutMs, behind: behind.map((entry) => ({ projection: entry.projection, checkpoint: String(entry.checkpoint) })) },
    )
  }
}
