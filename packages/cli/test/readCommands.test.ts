import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import stringWidth from 'string-width'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgreementService } from '@kerjasama/core'
import { agreementLifecycle, testClock } from '@kerjasama/core/testing'
import { openSqliteStore } from '@kerjasama/store-sqlite'
import { EXIT } from '../src'
import { builtInVersion, kebumenFile } from './support/kebumenStore'
import { kerjasama } from './support/runKerjasama'

const READ_COMMANDS: string[][] = [
  ['status'],
  ['register'],
  ['register', '--region', '33.05', '--urusan', '2.17', '--stage', 'signed'],
  ['watchlist'],
  ['deadlines', '--days', '60'],
  ['report', '--semester', '2022-1'],
  ['report', '--semester', '2022-1', '--format', 'csv'],
  ['history', 'toko-daring'],
  ['history', 'toko-daring', '--events'],
  ['verify'],
]

let directory: string
let file: string
beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'kerjasama-read-'))
  file = await kebumenFile(join(directory, 'kebumen.db'))
})
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('the read commands on a seeded SQLite file', () => {
  it('status lists every built-in projection caught up at the head, and --json gives positions as strings', async () => {
    const { code, out, err } = await kerjasama(['status', '--db', file])
    expect(err).toEqual([])
    expect(code).toBe(EXIT.ok)
    expect(out[0]).toMatch(/^Proyeksi \/ Projections: sqlite .*kebumen\.db, daerah\/tenant default$/)
    for (const name of ['register', 'urusan-matrix', 'potentials', 'deadlines', 'semester-report', 'timeline']) {
      expect(out).toContainEqual(expect.stringMatching(new RegExp(`^${name} +caught-up +${builtInVersion(name)} +(\\d+) +\\1 +0 +— +—$`)))
    }
    const json = JSON.parse((await kerjasama(['status', '--db', file, '--json'])).out.join('\n')) as Array<{ name: string; state: string; checkpoint: string; lag: string }>
    expect(json.map((status) => status.name)).toEqual(['register', 'urusan-matrix', 'potentials', 'deadlines', 'semester-report', 'timeline'])
    expect(json.every((status) => status.state === 'caught-up' && /^\d+$/.test(status.checkpoint) && status.lag === '0')).toBe(true)
  })

  it('register filters by region, urusan and stage, as queryRegister does', async () => {
    const all = await kerjasama(['register', '--db', file])
    expect(all.code).toBe(EXIT.ok)
    expect(all.out[0]).toBe('Register kerja sama / Agreement register (3)')
    const ids = async (...filter: string[]): Promise<string[]> => {
      const { code, out } = await kerjasama(['register', '--db', file, '--json', ...filter])
      expect(code).toBe(EXIT.ok)
      return (JSON.parse(out.join('\n')) as Array<{ agreementId: string }>).map((entry) => entry.agreementId).sort()
    }
    expect(await ids('--region', '33.05')).toEqual(['festival', 'gula-merah', 'toko-daring'])
    expect(await ids('--region', '33.06')).toEqual(['festival'])
    expect(await ids('--urusan', '3.30')).toEqual(['gula-merah'])
    expect(await ids('--stage', 'signed')).toEqual(['toko-daring'])
    expect(await ids('--stage', 'signed', '--urusan', '3.30')).toEqual([])
  })

  it('register --json is the read model’s entries without the decider’s state', async () => {
    const entries = JSON.parse((await kerjasama(['register', '--db', file, '--json', '--stage', 'evaluated'])).out.join('\n')) as Array<Record<string, unknown>>
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ agreementId: 'gula-merah', stage: 'evaluated', urusanCodes: ['2.17', '3.30'] })
    expect(entries[0]).not.toHaveProperty('state')
  })

  it('a --stage that is no stage is a usage error naming the stages', async () => {
    const { code, out, err } = await kerjasama(['register', '--db', file, '--stage', 'ditandatangani', '--lang', 'en'])
    expect(code).toBe(EXIT.usage)
    expect(out).toEqual([])
    expect(err).toEqual(['CLI_USAGE: Unknown --stage value: ditandatangani (choose identified, mapped, coordinated, signed, implemented, evaluated, ended); see kerjasama register --help'])
  })

  it('watchlist is judged on the clock’s day, worst first, reasons in the language of --lang', async () => {
    const id = await kerjasama(['watchlist', '--db', file])
    expect(id.code).toBe(EXIT.ok)
    expect(id.out[0]).toBe('Daftar pantauan risiko seremonial per 2023-03-01 / Ceremonial-risk watchlist as of 2023-03-01 (5)')
    expect(id.out[3]).toMatch(/^tinggi +ACTION_OVERDUE +toko-daring +2022-05-24 +1 kegiatan rencana kerja melewati tanggal jatuh tempo dan belum selesai$/)
    const en = await kerjasama(['watchlist', '--db', file, '--lang', 'en'])
    expect(en.out[0]).toBe('Ceremonial-risk watchlist as of 2023-03-01 (5)')
    expect(en.out[3]).toMatch(/^high +ACTION_OVERDUE +toko-daring +2022-05-24 +1 work-plan action is past due and not completed$/)
    expect(en.out.at(-1)).toMatch(/^low +STALLED_IN_STAGE +festival +2022-09-26 +Stuck at the coordinated stage for more than 180 days$/)
    const json = JSON.parse((await kerjasama(['watchlist', '--db', file, '--json'])).out.join('\n')) as Array<{ code: string; reason: { id: string; en: string } }>
    expect(json.map((entry) => entry.code)).toEqual(['ACTION_OVERDUE', 'NO_ACTION_STARTED', 'MONEV_OVERDUE', 'MONEV_OVERDUE', 'STALLED_IN_STAGE'])
  })

  it('deadlines --days looks that many days ahead of the clock’s day; a --days out of range is a usage error', async () => {
    const clock = () => new Date('2022-05-01T00:00:00.000Z')
    const { code, out } = await kerjasama(['deadlines', '--db', file, '--days', '60', '--json'], { clock })
    expect(code).toBe(EXIT.ok)
    expect((JSON.parse(out.join('\n')) as Array<{ agreementId: string; dueDate: string }>).map((deadline) => [deadline.agreementId, deadline.dueDate])).toEqual([
      ['festival', '2022-05-23'],
      ['toko-daring', '2022-05-23'],
    ])
    expect((await kerjasama(['deadlines', '--db', file, '--days', '20', '--json'], { clock })).out).toEqual(['[]'])
    const table = await kerjasama(['deadlines', '--db', file, '--days', '60', '--lang', 'en'], { clock })
    expect(table.out[0]).toBe('Deadlines in the 60 days from 2022-05-01 (2)')
    expect(table.out[3]).toMatch(/^2022-05-23 +action +festival +Pelatihan produksi dan pengemasan +Dinas Koperasi dan UKM$/)
    for (const days of ['0', '3651', 'tiga', '-1']) expect((await kerjasama(['deadlines', '--db', file, `--days=${days}`])).code, days).toBe(EXIT.usage)
  })

  it('heads the watchlist and the deadlines with the day of --region, else of the store’s tenant when it is a region’s code, else the UTC day', async () => {
    // 18:00 UTC on 22 May 2022 is 01:00 on the 23rd in Kebumen (WIB), the day festival’s and toko-daring’s actions fall due.
    const clock = () => new Date('2022-05-22T18:00:00.000Z')
    const dueIn = async (...argv: string[]) => (await kerjasama(['deadlines', '--days', '1', '--lang', 'en', ...argv], { clock })).out
    expect((await dueIn('--db', file, '--region', '33.05'))[0]).toBe('Deadlines in the 1 days from 2022-05-23 (2)')
    // Without --region each agreement's own region's today: Kebumen's, so both are due; the default tenant heads with the UTC day.
    expect((await dueIn('--db', file))[0]).toBe('Deadlines in the 1 days from 2022-05-22 (2)')
    const watchlist = await kerjasama(['watchlist', '--db', file, '--region', '33.05', '--lang', 'en'], { clock })
    expect(watchlist.out[0]).toMatch(/^Ceremonial-risk watchlist as of 2022-05-23 \(/)
    expect((await kerjasama(['watchlist', '--db', file, '--lang', 'en'], { clock })).out[0]).toMatch(/^Ceremonial-risk watchlist as of 2022-05-22 \(/)
    const kebumen = await kebumenFile(join(directory, 'tenant-33.05.db'), { tenant: '33.05' })
    expect((await dueIn('--db', kebumen, '--tenant', '33.05'))[0]).toBe('Deadlines in the 1 days from 2022-05-23 (2)')
    expect((await kerjasama(['watchlist', '--db', kebumen, '--tenant', '33.05', '--lang', 'en'], { clock })).out[0]).toMatch(/^Ceremonial-risk watchlist as of 2022-05-23 \(/)
  })

  it('report --semester prints the table, CSV from semesterReportCsv (columns in the language of --lang) or JSON', async () => {
    const table = await kerjasama(['report', '--db', file, '--semester', '2022-1'])
    expect(table.code).toBe(EXIT.ok)
    expect(table.out[0]).toBe('Laporan semester 2022-1 / Semester report 2022-1 (2022-01-01 – 2022-06-30)')
    expect(table.out[1]).toMatch(/^ukuran +33\.05 +33\.06$/)
    expect(table.out).toContainEqual(expect.stringMatching(/^penandatanganan baru +2 +0$/))
    const csv = await kerjasama(['report', '--db', file, '--semester', '2022-1', '--format', 'csv'])
    expect(csv.out).toHaveLength(1)
    // As written to stdout (out() ends the line with LF): every record, the last too, ends in CRLF.
    expect(`${csv.out[0]}\n`.split('\r\n')).toEqual([
      '\uFEFFsemester,kode_wilayah,tahap_teridentifikasi,tahap_terpetakan,tahap_terkoordinasi,tahap_ditandatangani,tahap_dilaksanakan,tahap_dievaluasi,tahap_berakhir,penandatanganan_baru,kegiatan_selesai_berbukti,monev_dilaksanakan,rerata_nilai_monev,berakhir_masa_berlaku,diakhiri,digantikan',
      '2022-1,33.05,0,0,1,1,1,0,0,2,1,0,,0,0,0',
      '2022-1,33.06,0,0,1,0,0,0,0,0,0,0,,0,0,0',
      '',
    ])
    const english = await kerjasama(['report', '--db', file, '--semester', '2022-1', '--format', 'csv', '--lang', 'en'])
    expect(english.out[0]).toMatch(/^\uFEFFsemester,region_code,stage_identified,/)
    const json = JSON.parse((await kerjasama(['report', '--db', file, '--semester=2022-1', '--json'])).out.join('\n')) as { semester: string; rows: Array<{ region: string; newSignings: number }> }
    expect(json.semester).toBe('2022-1')
    expect(json.rows.map((row) => [row.region, row.newSignings])).toEqual([['33.05', 2], ['33.06', 0]])
  })

  it('report needs a well-formed --semester, and --json goes with no format but json', async () => {
    expect((await kerjasama(['report', '--db', file])).err).toEqual([
      'CLI_USAGE: Perintah report memerlukan --semester; lihat kerjasama report --help',
      'CLI_USAGE: The report command needs --semester; see kerjasama report --help',
    ])
    for (const argv of [['--semester', '2022-3'], ['--semester', '22-1'], ['--semester', '2022-1', '--format', 'xlsx'], ['--semester', '2022-1', '--format', 'csv', '--json']]) {
      expect((await kerjasama(['report', '--db', file, ...argv])).code, argv.join(' ')).toBe(EXIT.usage)
    }
    expect((await kerjasama(['report', '--db', file, '--semester', '2022-1', '--format', 'json', '--json'])).code).toBe(EXIT.ok)
  })

  it('history <id> prints the timeline; --events the stream as recorded; an unknown id is AGREEMENT_NOT_FOUND', async () => {
    const timeline = await kerjasama(['history', 'toko-daring', '--db', file, '--lang', 'en'])
    expect(timeline.code).toBe(EXIT.ok)
    expect(timeline.out[0]).toBe('Timeline: toko-daring (12)')
    expect(timeline.out[3]).toMatch(/^ 1 +2022-02-22 +opd +33\.05 +KSDPK cooperation identified: Pengembangan sentra gula merah$/)
    const indonesian = await kerjasama(['history', 'toko-daring', '--db', file])
    expect(indonesian.out[3]).toMatch(/Kerja sama KSDPK diidentifikasi: Pengembangan sentra gula merah$/)

    const events = JSON.parse((await kerjasama(['history', 'toko-daring', '--db', file, '--events', '--json'])).out.join('\n')) as Array<{ position: string; version: number; type: string; streamId: string }>
    expect(events).toHaveLength(12)
    expect(events[0]).toMatchObject({ version: 1, type: 'CooperationIdentified', streamId: 'agreement-toko-daring' })
    expect(events.every((event) => /^\d+$/.test(event.position))).toBe(true)

    for (const extra of [[], ['--events']]) {
      const missing = await kerjasama(['history', 'tidak-ada', '--db', file, ...extra])
      expect(missing.code).toBe(EXIT.failure)
      expect(missing.err[1]).toMatch(/^AGREEMENT_NOT_FOUND: Agreement tidak-ada not found/)
    }
    expect((await kerjasama(['history', '--db', file])).err[1]).toBe('CLI_USAGE: The history command needs <id>; see kerjasama history --help')
  })

  it('every read command leaves the file’s bytes as they were', async () => {
    const before = readFileSync(file)
    for (const argv of READ_COMMANDS) {
      const { code, err } = await kerjasama([...argv, '--db', file])
      expect(code, argv.join(' ')).toBe(EXIT.ok)
      expect(err, argv.join(' ')).toEqual([])
    }
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('--json output of every read command parses', async () => {
    for (const argv of READ_COMMANDS.filter((command) => !command.includes('csv'))) {
      const { code, out } = await kerjasama([...argv, '--db', file, '--json'])
      expect(code, argv.join(' ')).toBe(EXIT.ok)
      expect(() => JSON.parse(out.join('\n')), argv.join(' ')).not.toThrow()
    }
  })

  it('tables fit the terminal’s width, long cells ending in an ellipsis', async () => {
    for (const argv of READ_COMMANDS.filter((command) => !command.includes('csv'))) {
      const { out } = await kerjasama([...argv, '--db', file, '--lang', 'en'], { columns: 60 })
      // The heading line is a sentence, not a table row; rows and rules must fit.
      for (const line of out.slice(1)) expect(stringWidth(line), `${argv.join(' ')}: ${line}`).toBeLessThanOrEqual(60)
    }
    const watchlist = await kerjasama(['watchlist', '--db', file, '--lang', 'en'], { columns: 60 })
    expect(watchlist.out[3]).toMatch(/…$/)
    // Without a terminal width nothing is cut.
    expect((await kerjasama(['watchlist', '--db', file, '--lang', 'en'])).out[3]).toMatch(/not completed$/)
  })

  it('--lang en prints headings in English alone', async () => {
    for (const argv of READ_COMMANDS) {
      const { out } = await kerjasama([...argv, '--db', file, '--lang', 'en'])
      expect(out[0], argv.join(' ')).not.toContain(' / ')
    }
  })
})

describe('a read command for a tenant the store does not hold', () => {
  it('says which tenants it holds rather than reading as an empty register', async () => {
    const { code, out, err } = await kerjasama(['register', '--db', file, '--tenant', '33.5', '--lang', 'en'])
    expect(code).toBe(EXIT.ok)
    expect(out[0]).toBe('Agreement register (0)')
    expect(err).toEqual(['Tenant 33.5 has no events in this store; it holds default (choose with --tenant)'])
    const history = await kerjasama(['history', 'festival', '--events', '--db', file, '--tenant', '33.5'])
    expect(history.err[0]).toBe('Daerah 33.5 tidak mempunyai peristiwa dalam penyimpanan ini; yang ada: default (pilih dengan --tenant)')
    expect(history.err.at(-1)).toMatch(/^AGREEMENT_NOT_FOUND: /)
  })
})

describe('a read command on a store that does not exist', () => {
  it('creates nothing and says so: STORE_NOT_FOUND naming the file, exit 1, for every read command', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kerjasama-missing-'))
    try {
      const missing = join(empty, 'salah-ketik.db')
      for (const argv of READ_COMMANDS) {
        const { code, out, err } = await kerjasama([...argv, '--db', missing])
        expect(code, argv.join(' ')).toBe(EXIT.failure)
        expect(out.filter((line) => line.startsWith('{') || line.includes('register')), argv.join(' ')).toEqual([])
        expect(err.at(-1), argv.join(' ')).toMatch(new RegExp(`^STORE_NOT_FOUND: File ${missing} does not exist; nothing was created`))
      }
      expect(readdirSync(empty)).toEqual([])
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})

describe('when the read models are not up to date, a read command says so and still writes nothing', () => {
  it('never built: a notice to run rebuild, on stderr, and an empty register', async () => {
    const unbuilt = await kebumenFile(join(directory, 'unbuilt.db'), { buildReadModels: false })
    const before = readFileSync(unbuilt)
    const { code, out, err } = await kerjasama(['register', '--db', unbuilt, '--lang', 'en'])
    expect(code).toBe(EXIT.ok)
    expect(err).toEqual(['The read models have never been built in this store; run `kerjasama rebuild`'])
    expect(out[0]).toBe('Agreement register (0)')
    expect(readFileSync(unbuilt).equals(before)).toBe(true)
  })

  it('behind: how many events behind, in both languages by default; status shows the lag', async () => {
    const behind = await kebumenFile(join(directory, 'behind.db'))
    const store = openSqliteStore({ file: behind })
    const [identify] = agreementLifecycle('KSDPK', { agreementId: 'pasar-lelang', start: '2023-01-02T02:00:00.000Z' })
    await createAgreementService({ store, clock: testClock('2023-01-02T02:00:00.000Z') }).execute(identify.command, { actor: identify.actor })
    await store.close()
    const before = readFileSync(behind)

    const { code, out, err } = await kerjasama(['register', '--db', behind])
    expect(code).toBe(EXIT.ok)
    expect(err).toEqual(['Model baca tertinggal 1 peristiwa dari log; jalankan `kerjasama rebuild`', 'The read models are 1 event behind; run `kerjasama rebuild`'])
    expect(out[0]).toBe('Register kerja sama / Agreement register (3)')
    const status = await kerjasama(['status', '--db', behind, '--json'])
    expect((JSON.parse(status.out.join('\n')) as Array<{ lag: string }>).map((projection) => projection.lag)).toEqual(['1', '1', '1', '1', '1', '1'])
    expect(readFileSync(behind).equals(before)).toBe(true)
  })
})
