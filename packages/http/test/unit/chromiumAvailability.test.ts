import { describe, expect, it } from 'vitest'
import { chromiumAvailability, isContinuousIntegration } from '../support/chromium'

describe('whether the browser tests run', () => {
  it('skips them with one line saying why on a machine without Chromium', () => {
    expect(chromiumAvailability({ CHROMIUM_PATH: '/nowhere/chromium' }, [], false)).toEqual({
      available: false,
      reason: 'Browser tests skipped: no Chromium found (install it with `apt-get install chromium`, or set CHROMIUM_PATH)',
    })
  })

  it('fails them in CI, where a missing browser is a broken machine, not a reason to skip', () => {
    expect(() => chromiumAvailability({ CI: 'true' }, ['/nowhere/chromium'], false)).toThrow('CI is set, so the browser tests are required, but no Chromium was found at /nowhere/chromium (CHROMIUM_PATH unset)')
    expect(isContinuousIntegration({ CI: '1' })).toBe(true)
    expect(isContinuousIntegration({ CI: 'false' })).toBe(false)
    expect(isContinuousIntegration({})).toBe(false)
  })

  it('takes CHROMIUM_PATH first', () => {
    expect(chromiumAvailability({ CHROMIUM_PATH: process.execPath }, [])).toEqual({ available: true, executablePath: process.execPath })
  })
})
