import type { ProjectionStatus } from '@kerjasama/projections'
import type { Wording } from './language'
import { renderTable } from './tableLayout'

/** The projections' status as status and rebuild print it: one row each, then each last error in full. */
export function projectionStatusLines(statuses: readonly ProjectionStatus[], wording: Wording, width: number | undefined): string[] {
  const word = (id: string, en: string): string => wording.text({ id, en })
  const table = renderTable(
    [
      { header: word('proyeksi', 'projection'), fixed: true },
      { header: word('keadaan', 'state'), fixed: true },
      { header: word('versi', 'version'), fixed: true, align: 'right' },
      { header: word('posisi', 'checkpoint'), fixed: true, align: 'right' },
      { header: word('ujung log', 'head'), fixed: true, align: 'right' },
      { header: word('tertinggal', 'lag'), fixed: true, align: 'right' },
      { header: word('pemegang', 'holder') },
      { header: word('galat', 'error'), fixed: true },
    ],
    statuses.map((status) => [
      status.name,
      status.state,
      String(status.active?.version ?? status.version),
      String(status.checkpoint),
      status.head === null ? '—' : String(status.head),
      status.lag === null ? '—' : String(status.lag),
      status.holder ?? '—',
      status.lastError?.code ?? '—',
    ]),
    width,
  )
  // A retired build's space comes back only once the lease holder has deleted it, so the operator sees it waiting.
  const retired = statuses.flatMap((status) =>
    status.retired.map((build) =>
      wording.text({
        id: `${status.name}: build ${build.version}.${build.generation}, yang tidak dibaca lagi sejak ${build.retiredAt}, menunggu dihapus`,
        en: `${status.name}: build ${build.version}.${build.generation}, no longer read since ${build.retiredAt}, is waiting to be deleted`,
      }),
    ),
  )
  const errors = statuses.flatMap((status) =>
    status.lastError === null ? [] : wording.lines({ id: `${status.name}: ${status.lastError.message.id}`, en: `${status.name}: ${status.lastError.message.en}` }),
  )
  return [...table, ...retired, ...errors]
}
