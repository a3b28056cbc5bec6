import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { EXIT } from '../src'
import { builtInVersion, kebumenFile } from './support/kebumenStore'
import { kerjasama } from './support/runKerjasama'

const PROJECTIONS = ['register', 'urusan-matrix', 'potentials', 'deadlines', 'semester-report', 'timeline']

/** A clock that moves one second each time it is read, so rates and times left come out the same every run. */
function steppingClock(): () => Date {
  let tick = 0
  return () => new Date(Date.UTC(2023, 2, 1) + 1000 * tick++)
}

/** An agreement event whose data no schema accepts: every built-in projection stops at it. Returns its position. */
async function appendPoisonEvent(file: string): Promise<string> {
  const store = openSqliteStore({ file })
  try {
    const metadata = { actor: { id: 'impor-lama', role: 'opd', actsFor: '33.05' }, correlationId: 'c', causationId: 'c', recordedAt: '2023-01-05T02:00:00.000Z' }
    const result = await store.append('agreement-impor-rusak', [{ type: 'CooperationIdentified', schemaVersion: 1, data: { kolom: 'bukan kerja sama' }, metadata }], { expectedVersion: 'none' })
    return String(result.lastPosition)
  } finally {
    await store.close()
  }
}

let directory: string
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'kerjasama-rebuild-'))
})
afterEach(() => rmSync(directory, { recursive: true, force: true }))

describe('kerjasama rebuild', () => {
  it('catches every built-in projection up, printing plain progress lines (done / total, rate, time left) where there is no terminal', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'), { buildReadModels: false })
    const { code, out, err } = await kerjasama(['rebuild', '--db', file, '--lang', 'en'], { clock: steppingClock() })
    expect(code).toBe(EXIT.ok)
    expect(out[0]).toMatch(/^Catching up the read models: sqlite .*kebumen\.db, tenant default$/)
    for (const name of PROJECTIONS) {
      expect(err).toContainEqual(expect.stringMatching(new RegExp(`^${name}: (\\d+)/\\1 events, [\\d.]+ events/s, ETA 0 s$`)))
      expect(out).toContainEqual(expect.stringMatching(new RegExp(`^${name} +caught-up +${builtInVersion(name)} +(\\d+) +\\1 +0 +— +—$`)))
    }
    expect((await kerjasama(['register', '--db', file, '--json'])).err).toEqual([])
  })

  it('rebuild <projection> builds that one afresh, its progress flagged as a rebuild, in Indonesian by default', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const { code, out, err } = await kerjasama(['rebuild', 'register', '--db', file], { clock: steppingClock() })
    expect(code).toBe(EXIT.ok)
    expect(out[0]).toMatch(/^Membangun ulang register \/ Rebuilding register: sqlite /)
    expect(err).toEqual([expect.stringMatching(/^register \(bangun ulang\): (\d+)\/\1 peristiwa, [\d.]+ peristiwa\/dtk, sisa 0 dtk$/)])
    const [status] = JSON.parse((await kerjasama(['status', '--db', file, '--json'])).out.join('\n')) as Array<{ name: string; active: { generation: number } }>
    expect(status).toMatchObject({ name: 'register', active: { generation: 1 }, retired: [{ version: builtInVersion('register'), generation: 0 }] })
    // The build it replaced waits out the grace before the next runner deletes it, and status says so.
    const text = await kerjasama(['status', '--db', file, '--lang', 'en'])
    expect(text.out).toContainEqual(expect.stringMatching(new RegExp(`^register: build ${builtInVersion('register')}\\.0, no longer read since \\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z, is waiting to be deleted$`)))
  })

  it('a projection that is no built-in one is a usage error listing them', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const { code, err } = await kerjasama(['rebuild', 'registr', '--db', file, '--lang', 'en'])
    expect(code).toBe(EXIT.usage)
    expect(err).toEqual([`CLI_USAGE: Unknown projection: registr (choose ${PROJECTIONS.join(', ')}); see kerjasama rebuild --help`])
  })

  it('a missing store is STORE_NOT_FOUND: rebuild creates nothing to rebuild', async () => {
    const missing = join(directory, 'tidak-ada.db')
    const { code, err } = await kerjasama(['rebuild', '--db', missing])
    expect(code).toBe(EXIT.failure)
    expect(err[1]).toMatch(/^STORE_NOT_FOUND: File .*tidak-ada\.db does not exist; nothing was created/)
    expect(existsSync(missing)).toBe(false)
    expect(readdirSync(directory)).toEqual([])
  })
})

describe('a poison event, kerjasama status and kerjasama skip', () => {
  it('rebuild and status exit 1 and name the event each projection stopped at; read commands say which read model stopped', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const position = await appendPoisonEvent(file)
    const rebuilt = await kerjasama(['rebuild', '--db', file, '--lang', 'en'])
    expect(rebuilt.code).toBe(EXIT.failure)
    expect(rebuilt.out).toContainEqual(expect.stringMatching(new RegExp(`^register +failed +${builtInVersion('register')} +\\d+ +\\d+ +1 +— +PROJECTION_FAILED$`)))
    expect(rebuilt.out).toContainEqual(expect.stringContaining(`register: Projection register version ${builtInVersion('register')} stopped at the event at position ${position} (stream agreement-impor-rusak, version 1, type CooperationIdentified)`))
    // The thrown message stays in the failure record; it is never printed.
    expect(rebuilt.out.join('\n')).not.toContain('bukan kerja sama')

    const status = await kerjasama(['status', '--db', file])
    expect(status.code).toBe(EXIT.failure)
    expect(status.out.filter((line) => / failed /.test(line))).toHaveLength(PROJECTIONS.length)

    const register = await kerjasama(['register', '--db', file, '--lang', 'en'])
    expect(register.code).toBe(EXIT.ok)
    expect(register.err).toEqual([expect.stringMatching(/^Read model register has stopped \(PROJECTION_FAILED\) at position \d+; it shows the record up to there only\. See `kerjasama status`$/)])
  })

  it('skip is refused for any position but the poison event’s, and nothing moves', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const position = await appendPoisonEvent(file)
    await kerjasama(['rebuild', '--db', file])
    const refused = await kerjasama(['skip', 'register', '3', '--reason', 'salah ketik', '--db', file])
    expect(refused.code).toBe(EXIT.failure)
    expect(refused.err).toEqual([
      `PROJECTION_SKIP_REFUSED: Proyeksi register berhenti pada posisi ${position}, bukan 3; hanya peristiwa yang menghentikannya yang dapat dilewati, dan tidak ada yang dilewati`,
      `PROJECTION_SKIP_REFUSED: Projection register stopped at position ${position}, not 3; only the event it stopped at can be skipped, and nothing was skipped`,
    ])
    const states = JSON.parse((await kerjasama(['status', '--db', file, '--json'])).out.join('\n')) as Array<{ state: string }>
    expect(states.every((status) => status.state === 'failed')).toBe(true)
  })

  it('skip is refused for a projection that has not stopped', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const { code, err } = await kerjasama(['skip', 'timeline', '1', '--reason', 'coba', '--db', file, '--lang', 'en'])
    expect(code).toBe(EXIT.failure)
    expect(err).toEqual(['PROJECTION_SKIP_REFUSED: Projection timeline has not stopped at any event; nothing was skipped'])
  })

  it('skip of the poison event is recorded with its reason and the default operator; the next rebuild goes on past it', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const position = await appendPoisonEvent(file)
    await kerjasama(['rebuild', '--db', file])
    const skipped = await kerjasama(['skip', 'register', position, '--reason', 'Impor lama tanpa skema; dicatat ulang sebagai kerja sama baru', '--db', file, '--json'], { env: { USER: 'siti' } })
    expect(skipped.code).toBe(EXIT.ok)
    expect(JSON.parse(skipped.out.join('\n'))).toMatchObject({
      projection: 'register',
      position,
      streamId: 'agreement-impor-rusak',
      eventType: 'CooperationIdentified',
      reason: 'Impor lama tanpa skema; dicatat ulang sebagai kerja sama baru',
      actor: { id: 'operator:siti', role: 'operator' },
    })
    const rebuilt = await kerjasama(['rebuild', '--db', file, '--json'])
    const states = Object.fromEntries((JSON.parse(rebuilt.out.join('\n')) as Array<{ name: string; state: string }>).map((status) => [status.name, status.state]))
    expect(states).toEqual({ register: 'caught-up', 'urusan-matrix': 'failed', potentials: 'failed', deadlines: 'failed', 'semester-report': 'failed', timeline: 'failed' })
    expect(rebuilt.code).toBe(EXIT.failure)
  })

  it('--actor names who skips; a malformed --actor, a missing --reason or a position that is no number are usage errors', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const position = await appendPoisonEvent(file)
    await kerjasama(['rebuild', '--db', file])
    for (const argv of [
      ['skip', 'register', position, '--db', file],
      ['skip', 'register', position, '--reason', '   ', '--db', file],
      ['skip', 'register', 'lima', '--reason', 'x', '--db', file],
      ['skip', 'register', position, '--reason', 'x', '--actor', 'hanya-id', '--db', file],
      ['skip', 'register', position, '--reason', 'x', '--actor', 'a::b', '--db', file],
      ['skip', 'register', '--reason', 'x', '--db', file],
    ]) {
      const { code, err } = await kerjasama(argv, { env: { USER: 'siti' } })
      expect(code, argv.join(' ')).toBe(EXIT.usage)
      expect(err, argv.join(' ')).toHaveLength(2)
    }
    const named = await kerjasama(['skip', 'register', position, '--reason', 'x', '--actor', 'tkksd-kebumen:tkksd:33.05', '--db', file, '--lang', 'en'])
    expect(named.code).toBe(EXIT.ok)
    expect(named.out[0]).toBe(`Skipped: register position ${position} (agreement-impor-rusak v1, CooperationIdentified) by tkksd-kebumen`)
  })
})
