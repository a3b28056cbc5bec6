import type { LocalizedMessage } from '@kerjasama/core'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import type { ProjectionStatus } from '@kerjasama/projections'
import type { OpenedStore } from './openStore'

/**
 * Why a read command's answer may not be the whole story, from the stored
 * checkpoints: the read models were never built, stopped at a poison event,
 * or are behind the log. A read command only says so; it does not catch up,
 * because it opens the store read-only (see the read commands' help).
 */
export async function freshnessNotices(store: OpenedStore, projections: readonly string[]): Promise<LocalizedMessage[]> {
  const runner = createProjectionRunner({ eventStore: store.eventStore, readModels: store.readModels, projections: [...builtInProjections] })
  const statuses = (await runner.status()).filter((status) => projections.includes(status.name))
  return noticesOf(statuses)
}

/** Pure: the notices for these statuses, at most one of each kind. */
export function noticesOf(statuses: readonly ProjectionStatus[]): LocalizedMessage[] {
  const notices: LocalizedMessage[] = []
  for (const status of statuses.filter((candidate) => candidate.state === 'failed')) {
    notices.push({
      id: `Model baca ${status.name} berhenti (${status.lastError?.code ?? 'PROJECTION_FAILED'}) pada posisi ${status.checkpoint}; isinya hanya sampai di situ. Lihat \`kerjasama status\``,
      en: `Read model ${status.name} has stopped (${status.lastError?.code ?? 'PROJECTION_FAILED'}) at position ${status.checkpoint}; it shows the record up to there only. See \`kerjasama status\``,
    })
  }
  const working = statuses.filter((status) => status.state !== 'failed')
  const logHasEvents = working.some((status) => status.head !== null && status.head > 0n)
  if (logHasEvents && working.some((status) => status.active === null)) {
    notices.push({
      id: 'Model baca belum pernah dibangun di penyimpanan ini; jalankan `kerjasama rebuild`',
      en: 'The read models have never been built in this store; run `kerjasama rebuild`',
    })
    return notices
  }
  const behind = working.reduce((most, status) => (status.lag !== null && status.lag > most ? status.lag : most), 0n)
  if (behind > 0n) {
    notices.push({
      id: `Model baca tertinggal ${behind} peristiwa dari log; jalankan \`kerjasama rebuild\``,
      en: `The read models are ${behind} ${behind === 1n ? 'event' : 'events'} behind; run \`kerjasama rebuild\``,
    })
  }
  return notices
}
