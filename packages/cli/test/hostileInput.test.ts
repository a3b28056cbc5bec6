import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { EXIT } from '../src'
import { builtInVersion, kebumenFile } from './support/kebumenStore'
import { kerjasama } from './support/runKerjasama'

let directory: string
let file: string
beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'kerjasama-hostile-'))
  file = await kebumenFile(join(directory, 'kebumen.db'))
})
afterAll(() => rmSync(directory, { recursive: true, force: true }))

async function expectUsage(argv: string[], en: string, id: string): Promise<void> {
  const { code, out, err } = await kerjasama(argv)
  expect(code, argv.join(' ')).toBe(EXIT.usage)
  expect(out, argv.join(' ')).toEqual([])
  expect(err, argv.join(' ')).toEqual([expect.stringContaining(`CLI_USAGE: ${id}; lihat kerjasama ${argv[0]} --help`), expect.stringContaining(`CLI_USAGE: ${en}; see kerjasama ${argv[0]} --help`)])
}

describe('filter values that can match nothing are usage errors, not empty answers', () => {
  it('an --urusan that is no urusan or supporting unit of the catalogue', async () => {
    for (const urusan of ['abc', '2,17', '9.99']) {
      await expectUsage(
        ['register', '--db', file, '--urusan', urusan],
        `--urusan is not the code of an urusan or a supporting unit, e.g. 2.17: ${urusan}`,
        `Nilai --urusan bukan kode urusan atau unit pendukung, mis. 2.17: ${urusan}`,
      )
    }
  })

  it('a --region that is no Kemendagri code, for every command that takes one', async () => {
    for (const command of [['register'], ['watchlist'], ['deadlines'], ['report', '--semester', '2022-1']]) {
      await expectUsage(
        [...command, '--db', file, '--region', '3305'],
        '--region must be a Kemendagri region code, NN or NN.NN, e.g. 33.05: 3305',
        'Nilai --region harus kode wilayah Kemendagri NN atau NN.NN, mis. 33.05: 3305',
      )
    }
    const kept = await kerjasama(['register', '--db', file, '--region', '33.06', '--json'])
    expect(kept.code).toBe(EXIT.ok)
    expect((JSON.parse(kept.out.join('\n')) as Array<{ agreementId: string }>).map((entry) => entry.agreementId)).toEqual(['festival'])
  })
})

describe('values a user types that look like options or are empty', () => {
  it('a negative number is read as the value it is, so the message names what is wrong with it', async () => {
    await expectUsage(['deadlines', '--db', file, '--days', '-1'], '--days must be a whole number from 1 to 3650: -1', 'Nilai --days harus bilangan bulat 1–3650: -1')
    await expectUsage(['skip', 'register', '-1', '--reason', 'x', '--db', file], 'A position is a non-negative whole number: -1', 'Posisi ditulis sebagai bilangan bulat tidak negatif: -1')
  })

  it('an empty required argument is a missing one', async () => {
    await expectUsage(['history', '', '--db', file], 'The history command needs <id>', 'Perintah history memerlukan <id>')
  })

  it('an agreement id no agreement can have is a usage error; spaces around one are not part of it, as in the agreement commands', async () => {
    for (const id of ['x'.repeat(101), 'gula\tmerah']) {
      for (const events of [[], ['--events']]) {
        await expectUsage(['history', id, ...events, '--db', file], 'An agreement id is at most 100 characters long, with no control characters', 'Id kerja sama paling panjang 100 karakter, tanpa karakter kontrol')
      }
    }
    const padded = await kerjasama(['history', ' festival ', '--db', file, '--lang', 'en'])
    expect(padded.code).toBe(EXIT.ok)
    expect(padded.out[0]).toBe('Timeline: festival (7)')
  })

  it('a --schema no PostgreSQL store can have is a usage error naming --schema, before anything connects', async () => {
    await expectUsage(
      ['register', '--postgres', 'postgres://kebumen@127.0.0.1:1/kerjasama', '--schema', 'Kebumen-2023'],
      'Invalid --schema value: Store input refused: schema must be a lower-case identifier of at most 48 characters',
      'Nilai --schema tidak sah: Masukan ke penyimpanan ditolak: schema harus berupa pengenal berhuruf kecil paling panjang 48 karakter',
    )
  })
})

describe('what a store that is not one, or not the tenant’s, looks like', () => {
  it('status for a tenant the store does not hold says which it holds, as the other read commands do', async () => {
    const { code, err } = await kerjasama(['status', '--db', file, '--tenant', '33.05', '--lang', 'en'])
    expect(code).toBe(EXIT.ok)
    expect(err).toEqual(['Tenant 33.05 has no events in this store; it holds default (choose with --tenant)'])
  })

  it('an empty file is no Kerjasama store: the hint says what to check, not to open it for writing', async () => {
    const empty = join(directory, 'kosong.db')
    writeFileSync(empty, '')
    for (const command of [['register'], ['rebuild']]) {
      const { code, err } = await kerjasama([...command, '--db', empty, '--lang', 'en'])
      expect(code, command[0]).toBe(EXIT.failure)
      expect(err[0], command[0]).toMatch(/^STORE_SCHEMA_TOO_OLD: /)
      expect(err[1], command[0]).toBe('This file or schema holds no Kerjasama store (it is empty, or has none of its tables): check --db or --schema. `kerjasama serve` creates a new store; the read commands and `kerjasama rebuild` never do')
    }
  })
})

describe('rebuild where another instance holds a lease', () => {
  it('waits for a holder that died (kill -9) until its lease runs out, then does the work itself', async () => {
    const unbuilt = await kebumenFile(join(directory, 'ditinggal.db'), { buildReadModels: false })
    const store = openSqliteStore({ file: unbuilt })
    try {
      // What a rebuild killed with kill -9 leaves behind: its lease, which nobody renews.
      expect(await store.readModels.acquireLease('projection:register', 'vm:99999:mati', 1500)).toBe(true)
    } finally {
      await store.close()
    }
    const { code, out, err } = await kerjasama(['rebuild', '--db', unbuilt, '--lang', 'en'])
    expect(code).toBe(EXIT.ok)
    expect(err).toContainEqual('Projection register is being worked on by another instance (vm:99999:mati); waiting until it has caught up, or until its lease runs out if it has stopped')
    expect(out).toContainEqual(expect.stringMatching(new RegExp(`^register +caught-up +${builtInVersion('register')} +(\\d+) +\\1 +0 +— +—$`)))
    expect((await kerjasama(['register', '--db', unbuilt])).err).toEqual([])
  })
})
