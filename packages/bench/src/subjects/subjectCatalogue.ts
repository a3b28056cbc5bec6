import type { SubjectFactory, SubjectName } from './benchSubject'
import { emmettPostgres } from './emmettPostgres'
import { emmettSqlite } from './emmettSqlite'
import { emmettSqliteShared } from './emmettSqliteShared'
import { kerjasamaPostgres } from './kerjasamaPostgres'
import { kerjasamaSqlite } from './kerjasamaSqlite'
import { rawPostgres } from './rawPostgres'
import { rawSqlite } from './rawSqlite'

export const SUBJECTS: Record<SubjectName, SubjectFactory> = {
  'kerjasama-sqlite': kerjasamaSqlite,
  'emmett-sqlite-shared': emmettSqliteShared,
  'emmett-sqlite': emmettSqlite,
  'raw-sqlite': rawSqlite,
  'kerjasama-postgres': kerjasamaPostgres,
  'emmett-postgres': emmettPostgres,
  'raw-postgres': rawPostgres,
}
