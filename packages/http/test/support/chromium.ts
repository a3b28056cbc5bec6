import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer from 'puppeteer-core'
import type { Browser } from 'puppeteer-core'

export type ChromiumAvailability = { available: true; executablePath: string } | { available: false; reason: string }

// Debian's package, then the names other systems give it. No browser is ever downloaded: CI installs Debian's (.ci/run).
const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** CI=true (or 1, or any value but false/0): the browser tests must run, not skip. */
export function isContinuousIntegration(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}

/**
 * Finds Chromium (CHROMIUM_PATH first). Missing on a developer's machine,
 * the browser tests are skipped with one line saying why; missing in CI,
 * that is a failure, never a silent skip.
 */
export function chromiumAvailability(env: NodeJS.ProcessEnv = process.env, places: readonly string[] = candidates, announce = true): ChromiumAvailability {
  const executablePath = [env.CHROMIUM_PATH, ...places].find((path) => path !== undefined && path !== '' && existsSync(path))
  if (executablePath !== undefined) return { available: true, executablePath }
  const reason = 'Browser tests skipped: no Chromium found (install it with `apt-get install chromium`, or set CHROMIUM_PATH)'
  if (isContinuousIntegration(env)) throw new Error(`CI is set, so the browser tests are required, but no Chromium was found at ${places.join(', ')}${env.CHROMIUM_PATH === undefined ? ' (CHROMIUM_PATH unset)' : ` or CHROMIUM_PATH=${env.CHROMIUM_PATH}`}`)
  if (announce) announceOnce(reason)
  return { available: false, reason }
}

// Test files run in workers of one vitest process: a marker keyed by that process lets only the first print the line.
function announceOnce(reason: string): void {
  try {
    writeFileSync(join(tmpdir(), `kerjasama-chromium-skip-${process.ppid}`), reason, { flag: 'wx' })
  } catch {
    return
  }
  console.warn(reason)
}

/**
 * Headless Chromium that stays off the network: no first-run, sync,
 * component updates or background requests, a fresh profile each time. As
 * root (CI) it needs --no-sandbox.
 */
export async function launchChromium(executablePath: string): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'kerjasama-chromium-'))
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`,
    ],
  })
  return {
    browser,
    async close() {
      await browser.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
