import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { SubjectDatabase } from '../subjects/benchSubject'
import { connectionStringFor, withAdminClient } from './postgresTarget'
import type { PostgresTarget } from './postgresTarget'

/**
 * Every database the bench makes is its own: a SQLite file in the run's
 * folder, or a PostgreSQL database named kjbench_<random>. Kerjasama's
 * schema inside it (and so its cluster-wide app role) is named after the
 * database it was first created as, so a copy keeps it.
 */
const DATABASE_PREFIX = 'kjbench_'

export function freshSqliteDatabase(folder: string, label: string): SubjectDatabase {
  mkdirSync(folder, { recursive: true })
  return { engine: 'sqlite', file: join(folder, `${label}-${randomBytes(4).toString('hex')}.db`) }
}

export async function freshPostgresDatabase(target: PostgresTarget): Promise<SubjectDatabase> {
  const database = `${DATABASE_PREFIX}${randomBytes(5).toString('hex')}`
  await withAdminClient(target, (client) => client.query(`CREATE DATABASE "${database}"`))
  return { engine: 'postgres', database, connectionString: connectionStringFor(target, database), schema: `${database}_ks` }
}

/** A copy to change (a projection rebuild writes read models), leaving the seeded original as it was. */
export async function copyDatabase(source: SubjectDatabase, target: PostgresTarget, folder: string): Promise<SubjectDatabase> {
  if (source.engine === 'sqlite') {
    const copy = join(folder, `copy-${randomBytes(4).toString('hex')}.db`)
    // The seeding process closed the file, so its WAL is normally checkpointed away; copied too if it is not.
    for (const suffix of ['', '-wal']) if (existsSync(source.file + suffix)) copyFileSync(source.file + suffix, copy + suffix)
    return { engine: 'sqlite', file: copy }
  }
  const database = `${DATABASE_PREFIX}${randomBytes(5).toString('hex')}`
  await withAdminClient(target, (client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${source.database}"`))
  return { ...source, database, connectionString: connectionStringFor(target, database) }
}

export async function dropDatabase(database: SubjectDatabase, target: PostgresTarget): Promise<void> {
  if (database.engine === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(database.file + suffix)) rmSync(database.file + suffix, { force: true })
    return
  }
  await withAdminClient(target, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database.database}" WITH (FORCE)`)
  })
}

/** Kerjasama's app roles are cluster-wide: dropped once every database that granted to them is gone. */
export async function dropKerjasamaRoles(schemas: Iterable<string>, target: PostgresTarget): Promise<void> {
  await withAdminClient(target, async (client) => {
    for (const schema of new Set(schemas)) await client.query(`DROP ROLE IF EXISTS "${schema}_app"`)
  })
}
