import { describe, expect, it } from 'vitest'
import { runCli } from '../src'

describe('kerjasama demo', () => {
  it('runs on the national region directory and says which dataset it came from', async () => {
    const out: string[] = []
    const code = await runCli(['demo', '--store', 'memory'], { out: (line) => out.push(line), err: () => {}, env: {} })
    expect(code).toBe(0)
    expect(out).toContainEqual(expect.stringMatching(/^Daftar wilayah \/ regions: idn-area-data \d+\.\d+\.\d+$/))
  })
})
