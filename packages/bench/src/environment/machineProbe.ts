import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { cpus, loadavg, release, totalmem, type } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { MachineInfo } from '../report/machineInfo'
import type { PeerAvailability } from './peerInstall'
import { withAdminClient } from './postgresTarget'
import type { PostgresTarget } from './postgresTarget'

const POSTGRES_SETTINGS = ['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers']

export const loadAverage = (): number[] => loadavg()

/** What the report prints about the machine; `loadBefore` is taken by the caller when the run starts. */
export async function probeMachine(options: { loadBefore: number[]; kerjasamaCommit: string; postgres: PostgresTarget; postgresUnavailable: string | undefined; peers: PeerAvailability[] }): Promise<MachineInfo> {
  const processors = cpus()
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.version,
    loadBefore: options.loadBefore,
    loadAfter: loadavg(),
    postgres: options.postgresUnavailable === undefined ? await postgresInfo(options.postgres) : { unavailable: options.postgresUnavailable },
    drivers: [...driverVersions(), ...nodeSqlite3Versions(options.peers)],
    kerjasamaCommit: options.kerjasamaCommit,
    emmett: options.peers.flatMap((peer) => (peer.available ? Object.entries(peer.versions).map(([name, version]) => `${name} ${version}`) : [])).filter(unique),
  }
}

async function postgresInfo(target: PostgresTarget): Promise<MachineInfo['postgres']> {
  return withAdminClient(target, async (client) => {
    const server = (await client.query<{ version: string }>('select version()')).rows[0]?.version.split(' on ')[0] ?? 'unknown'
    const rows = (await client.query<{ name: string; setting: string; unit: string | null }>('select name, setting, unit from pg_settings where name = any($1)', [POSTGRES_SETTINGS])).rows
    return { server, settings: Object.fromEntries(POSTGRES_SETTINGS.flatMap((name) => rows.filter((row) => row.name === name).map((row) => [name, withUnit(row.setting, row.unit)]))) }
  })
}

function withUnit(setting: string, unit: string | null): string {
  if (unit === '8kB') return `${Math.round((Number(setting) * 8) / 1024)}MB`
  return unit === null ? setting : `${setting}${unit}`
}

function driverVersions(): string[] {
  const require = createRequire(import.meta.url)
  const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version
  const memory = new Database(':memory:')
  const sqlite = (memory.prepare('select sqlite_version() as version').get() as { version: string }).version
  memory.close()
  return [`better-sqlite3 ${versionOf('better-sqlite3')} (SQLite ${sqlite})`, `pg ${versionOf('pg')}`]
}

function nodeSqlite3Versions(peers: PeerAvailability[]): string[] {
  const sqlitePeer = peers.find((peer) => peer.group === 'sqlite' && peer.available)
  if (sqlitePeer === undefined) return []
  try {
    const load = createRequire(join(sqlitePeer.folder, 'package.json'))
    const sqlite3 = load('sqlite3') as { VERSION: string }
    const { version } = load('sqlite3/package.json') as { version: string }
    return [`node-sqlite3 ${version} (SQLite ${sqlite3.VERSION}), for Emmett`]
  } catch (error) {
    return [`node-sqlite3 not loadable (${(error as Error).message.split('\n')[0]})`]
  }
}

/** The checkout the bundle is built from: taken when the run starts, since others may commit while it runs. */
export function commitOf(repository: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repository, encoding: 'utf8' }).trim()
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repository, encoding: 'utf8' }).trim() !== ''
    return changed ? `${commit} with uncommitted changes in the working tree` : commit
  } catch {
    return 'unknown (not a git checkout)'
  }
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index
}
