import { setTimeout as sleep } from 'node:timers/promises'
import type { ProjectionRunner, ProjectionStatus } from '@kerjasama/projections'
import type { CliIo } from './command'
import type { Wording } from './language'

/** How often rebuild looks again while another instance holds a lease; well under the runner's 30 s lease, so taking over a dead holder's lease is not much delayed. */
const RETRY_MS = 1000

/**
 * `kerjasama rebuild` without a projection: catch every projection up to the
 * head it found. A projection whose lease another instance holds is left to
 * that instance by the runner (standby) — but that instance may be a rebuild
 * killed with kill -9, whose lease outlives it by up to the lease time and
 * which will never finish. Exiting at once would report success with the read
 * models still behind, so rebuild waits: until the holder has caught up, or
 * its lease has run out and this runner has done the work itself.
 */
export async function catchUpPastOthers(runner: ProjectionRunner, io: CliIo, wording: Wording): Promise<ProjectionStatus[]> {
  let statuses = await runner.catchUp()
  // The head found first: a live holder under a steady stream of appends would otherwise never let rebuild finish.
  const target = statuses.reduce((most, status) => (status.head !== null && status.head > most ? status.head : most), 0n)
  const told = new Set<string>()
  for (;;) {
    const waiting = statuses.filter((status) => status.state !== 'failed' && status.holder !== null && (status.checkpoint < target || status.rebuild !== null))
    if (waiting.length === 0) return statuses
    // One line per holder: a killed rebuild leaves the lease of every projection behind.
    for (const holder of new Set(waiting.map((status) => status.holder))) {
      const names = waiting.filter((status) => status.holder === holder && !told.has(status.name)).map((status) => status.name)
      if (names.length === 0) continue
      for (const name of names) told.add(name)
      const en = names.length === 1 ? `Projection ${names[0]} is` : `Projections ${names.join(', ')} are`
      const lines = wording.lines({
        id: `Proyeksi ${names.join(', ')} sedang dikerjakan instans lain (${holder}); menunggu sampai instans itu menyusul, atau sampai lease-nya habis bila instans itu sudah berhenti`,
        en: `${en} being worked on by another instance (${holder}); waiting until it has caught up, or until its lease runs out if it has stopped`,
      })
      for (const line of lines) io.err(line)
    }
    await sleep(RETRY_MS)
    statuses = await runner.catchUp()
  }
}
