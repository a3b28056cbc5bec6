import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { Progress } from '@kerjasama/projections'
import { wordingFor } from '../src/language'
import { durationText, progressReport } from '../src/progressReport'

function progress(done: number, total: number | null, etaMs: number | null = null): Progress {
  return { projection: 'register', build: { version: 1, generation: 0 }, rebuilding: false, done, total, checkpoint: BigInt(done), ratePerSecond: 250, etaMs }
}

describe('rebuild progress', () => {
  it('plain mode prints at most one line a second per projection by the clock, and always the last', () => {
    const lines: string[] = []
    let now = 0
    const report = progressReport({ out: () => undefined, err: (line) => lines.push(line), clock: () => new Date(now) }, wordingFor('en'))
    for (const done of [500, 1000, 1500, 2000, 2500, 3000]) {
      report.onProgress(progress(done, 3000, ((3000 - done) / 250) * 1000))
      now += 400
    }
    report.finish()
    expect(lines).toEqual([
      'register: 500/3000 events, 250 events/s, ETA 10 s',
      'register: 2000/3000 events, 250 events/s, ETA 4 s',
      'register: 3000/3000 events, 250 events/s, ETA 0 s',
    ])
  })

  it('says so when the total or the time left is not known yet', () => {
    const lines: string[] = []
    progressReport({ out: () => undefined, err: (line) => lines.push(line) }, wordingFor('id')).onProgress(progress(500, null))
    expect(lines).toEqual(['register: 500/? peristiwa, 250 peristiwa/dtk, sisa ?'])
  })

  it('times left read in minutes and hours once long', () => {
    expect(durationText(59_000, true)).toBe('59 s')
    expect(durationText(125_000, true)).toBe('2 min 5 s')
    expect(durationText(3_725_000, false)).toBe('1 jam 2 mnt')
  })

  it('on a terminal draws a bar per projection instead of lines', () => {
    let written = ''
    const terminal = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          written += String(chunk)
          done()
        },
      }),
      { isTTY: true, columns: 100 },
    )
    const lines: string[] = []
    const report = progressReport({ out: () => undefined, err: (line) => lines.push(line), progressTerminal: terminal }, wordingFor('en'))
    report.onProgress(progress(1500, 3000, 6000))
    report.onProgress(progress(3000, 3000, 0))
    report.finish()
    expect(lines).toEqual([])
    expect(written).toContain('register [')
    expect(written).toContain('3000/3000 events | 250 events/s | ETA 0 s')
  })
})
