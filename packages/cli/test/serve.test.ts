import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { agreementLifecycle } from '@kerjasama/core/testing'
import { EXIT, runCli } from '../src'
import { kebumenFile } from './support/kebumenStore'
import { kerjasama } from './support/runKerjasama'

type Serving = { api: string; stop: () => Promise<number>; out: string[]; err: string[] }

/** Starts `kerjasama serve` on port 0 and waits for the line that says where it listens. */
async function serve(argv: string[]): Promise<Serving> {
  const out: string[] = []
  const err: string[] = []
  const controller = new AbortController()
  const running = runCli(['serve', '--port', '0', '--json', ...argv], { out: (line) => out.push(line), err: (line) => err.push(line), env: {}, stop: controller.signal })
  const deadline = Date.now() + 20_000
  while (out.length === 0) {
    const early = await Promise.race([running, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 20))])
    if (early !== undefined) throw new Error(`serve ended with ${early}: ${err.join(' | ')}`)
    if (Date.now() > deadline) throw new Error('serve did not start')
  }
  const { api } = JSON.parse(out[0] ?? '{}') as { api: string }
  return {
    api,
    out,
    err,
    stop: async () => {
      controller.abort()
      return running
    },
  }
}

let directory: string
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'kerjasama-serve-'))
})
afterEach(() => rmSync(directory, { recursive: true, force: true }))

describe('kerjasama serve', () => {
  it('serves the API on the port asked (0: any free one), answers GET /api/register from the read models, and stops cleanly', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const server = await serve(['--db', file])
    expect(server.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/)
    try {
      const response = await fetch(`${server.api}/register?region=33.06`)
      expect(response.status).toBe(200)
      const page = (await response.json()) as { items: Array<{ agreementId: string }> }
      expect(page.items.map((entry) => entry.agreementId)).toEqual(['festival'])
      const status = (await (await fetch(`${server.api}/projections/status`)).json()) as { projections: Array<{ state: string }> }
      expect(JSON.stringify(status)).toContain('caught-up')
      // The dashboard beside the API, its regions named from the national directory.
      const dashboard = await fetch(`${new URL(server.api).origin}/?lang=en`)
      expect(dashboard.status).toBe(200)
      expect(dashboard.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await dashboard.text()).toContain('festival')
    } finally {
      expect(await server.stop()).toBe(EXIT.ok)
    }
    // Stopped means the port is closed and the file is free again: a read command opens it.
    await expect(fetch(`${server.api}/register`)).rejects.toThrow()
    expect((await kerjasama(['register', '--db', file])).code).toBe(EXIT.ok)
  })

  it('without --actor a write has nobody to be recorded as: 401, nothing written', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const server = await serve(['--db', file])
    try {
      const [identify] = agreementLifecycle('KSDPK', { agreementId: 'pasar-lelang' })
      const response = await fetch(`${server.api}/agreements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(identify.command) })
      expect(response.status).toBe(401)
    } finally {
      await server.stop()
    }
    expect((await kerjasama(['history', 'pasar-lelang', '--events', '--db', file])).code).toBe(EXIT.failure)
  })

  it('with --actor a write is recorded as that actor, and the live runner brings it into the register (read-your-writes)', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const server = await serve(['--db', file, '--actor', 'opd-dinas-koperasi-kebumen:opd:33.05'])
    try {
      const [identify] = agreementLifecycle('KSDPK', { agreementId: 'pasar-lelang' })
      const created = await fetch(`${server.api}/agreements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(identify.command) })
      expect(created.status).toBe(201)
      const { position } = (await created.json()) as { position: string }
      const register = (await (await fetch(`${server.api}/register?waitFor=${position}`)).json()) as { items: Array<{ agreementId: string }> }
      expect(register.items.map((entry) => entry.agreementId)).toContain('pasar-lelang')
    } finally {
      await server.stop()
    }
    const events = JSON.parse((await kerjasama(['history', 'pasar-lelang', '--events', '--json', '--db', file])).out.join('\n')) as Array<{ metadata: { actor: unknown } }>
    expect(events[0]?.metadata.actor).toEqual({ id: 'opd-dinas-koperasi-kebumen', role: 'opd', actsFor: '33.05' })
  })

  it('beside a running serve, rebuild <projection> is done by serve’s runner, which holds the lease, and the caller waits for the switch', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    const server = await serve(['--db', file])
    try {
      const rebuilt = await kerjasama(['rebuild', 'register', '--db', file, '--json'])
      expect(rebuilt.code).toBe(EXIT.ok)
      const [status] = JSON.parse(rebuilt.out.join('\n')) as Array<{ name: string; state: string; active: { generation: number }; holder: string | null }>
      expect(status).toMatchObject({ name: 'register', state: 'caught-up', active: { generation: 1 } })
      expect(status?.holder).not.toBeNull()
      expect((await fetch(`${server.api}/register`)).status).toBe(200)
    } finally {
      await server.stop()
    }
  })

  it('refuses --actor on an address other machines reach, a role that is none, a port out of range, and a port in use', async () => {
    const file = await kebumenFile(join(directory, 'kebumen.db'))
    for (const argv of [
      ['--host', '0.0.0.0', '--actor', 'opd-kebumen:opd:33.05'],
      ['--actor', 'opd-kebumen:bupati:33.05'],
      ['--actor', 'opd-kebumen:opd'],
      ['--port', '65536'],
    ]) {
      const { code, err } = await kerjasama(['serve', '--db', file, ...argv])
      expect(code, argv.join(' ')).toBe(EXIT.usage)
      expect(err, argv.join(' ')).toHaveLength(2)
    }
    const first = await serve(['--db', file])
    try {
      const port = new URL(first.api).port
      const second = await kerjasama(['serve', '--db', file, '--port', port, '--lang', 'en'])
      expect(second.code).toBe(EXIT.failure)
      expect(second.err).toEqual([`CLI_SERVE_LISTEN_FAILED: Cannot listen on 127.0.0.1:${port} (EADDRINUSE); choose another --port or --host`])
    } finally {
      await first.stop()
    }
  })
})
