import type { SubjectName } from '../subjects/benchSubject'

export const SUBJECT_LABELS: Record<SubjectName, string> = {
  'kerjasama-sqlite': 'Kerjasama',
  'emmett-sqlite-shared': 'Emmett, shared connection',
  'emmett-sqlite': 'Emmett, as it comes',
  'raw-sqlite': 'raw better-sqlite3',
  'kerjasama-postgres': 'Kerjasama',
  'emmett-postgres': 'Emmett',
  'raw-postgres': 'raw pg',
}
