import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { installedMarker, installedVersion, isInstalled, peerFolder, PEER_SPECS } from './peerPackages'
import type { PeerGroup } from './peerPackages'

export type PeerAvailability = { group: PeerGroup; folder: string; available: true; versions: Record<string, string> } | { group: PeerGroup; folder: string; available: false; reason: string }

/**
 * Installs a peer group on first use. A group that cannot be installed in
 * `timeoutMs` (node-sqlite3 compiling from source on a slow machine), or at
 * all, is reported unavailable with the reason, and the run goes on without it.
 */
export async function ensurePeerGroup(peersRoot: string, group: PeerGroup, timeoutMs: number, log: (line: string) => void): Promise<PeerAvailability> {
  const folder = peerFolder(peersRoot, group)
  const spec = PEER_SPECS[group]
  if (!isInstalled(folder)) {
    rmSync(folder, { recursive: true, force: true })
    mkdirSync(folder, { recursive: true })
    writeFileSync(`${folder}/package.json`, `${JSON.stringify({ name: `kerjasama-bench-peers-${group}`, private: true, description: 'Installed by @kerjasama/bench on its first run; not part of the workspace.' }, null, 2)}\n`)
    log(`installing ${spec.packages.join(' ')} into ${folder} (once; up to ${Math.round(timeoutMs / 1000)} s)`)
    const outcome = await npmInstall(folder, [...spec.npmFlags, ...spec.packages], timeoutMs)
    if (outcome !== 'ok') {
      rmSync(folder, { recursive: true, force: true })
      return { group, folder, available: false, reason: outcome }
    }
    writeFileSync(installedMarker(folder), `${JSON.stringify({ packages: spec.packages, at: new Date().toISOString() }, null, 2)}\n`)
  }
  const versions: Record<string, string> = {}
  for (const name of [spec.main, '@event-driven-io/emmett', ...(group === 'sqlite' ? ['sqlite3'] : ['@event-driven-io/pongo', '@event-driven-io/dumbo', 'pg'])]) {
    const version = installedVersion(folder, name)
    if (version !== undefined) versions[name] = version
  }
  return { group, folder, available: true, versions }
}

function npmInstall(folder: string, args: string[], timeoutMs: number): Promise<'ok' | string> {
  // node-gyp cannot download Node's headers on a machine without internet; the system's serve when they are there.
  const env = { ...process.env }
  if (env.npm_config_nodedir === undefined && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr'
  return new Promise((resolve) => {
    const child = spawn('npm', ['install', '--prefix', folder, '--no-audit', '--no-fund', '--no-package-lock', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000) })
    const timer = setTimeout(() => {
      // npm runs node-gyp and the compiler as children: end the whole group it leads.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
      resolve(`npm install did not finish within ${Math.round(timeoutMs / 1000)} s`)
    }, timeoutMs)
    child.on('error', (error) => { clearTimeout(timer); resolve(`npm could not be started (${error.message})`) })
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve('ok')
      else resolve(`npm install failed (exit ${code}): ${lastErrorLine(stderr)}`)
    })
  })
}

function lastErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('npm error') && !line.includes('A complete log'))
  return (lines.slice(0, 2).join(' ') || stderr.trim().split('\n').at(-1) || 'no message').slice(0, 300)
}
