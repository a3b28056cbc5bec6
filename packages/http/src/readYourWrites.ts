import type { KerjasamaContext } from './handlerOptions'
import { RunnerNotConfigured } from './problem/httpRefusals'
import { DEFAULT_WAIT_MS } from './openapi/apiSchemas'

/**
 * Read-your-writes: a read that names the position its write reached waits
 * until every projection has committed it. The runner's stored checkpoints
 * decide, so it works whichever instance holds the leases. A timeout is
 * PROJECTION_CATCH_UP_TIMEOUT (503 with Retry-After): the write is safe, the
 * read models are only late, so the same read may simply be asked again.
 */
export async function waitForReadModels(context: Pick<KerjasamaContext, 'runner'>, query: { waitFor?: string | undefined; timeoutMs?: number | undefined }): Promise<void> {
  if (query.waitFor === undefined) return
  if (context.runner === undefined) throw new RunnerNotConfigured('waitFor')
  await context.runner.waitUntilCaughtUp(BigInt(query.waitFor), { timeoutMs: query.timeoutMs ?? DEFAULT_WAIT_MS })
}
