import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PEER_SPECS } from '../src/environment/peerPackages'

const root = join(import.meta.dirname, '..', '..', '..')

function workspaceManifests(): string[] {
  const folders = ['packages', 'examples'].flatMap((parent) =>
    existsSync(join(root, parent)) ? readdirSync(join(root, parent), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(root, parent, entry.name)) : [],
  )
  return [root, ...folders].map((folder) => join(folder, 'package.json')).filter((file) => existsSync(file))
}

const peerNames = [...new Set(Object.values(PEER_SPECS).flatMap((spec) => spec.packages.map((spec) => spec.replace(/@[^@]*$/, ''))))]

// A user's `pnpm install` must not compile node-sqlite3 or fetch Emmett: the bench installs them into its own folder.
describe("Emmett stays out of the workspace's install", () => {
  it('no package.json of the workspace names Emmett or node-sqlite3', () => {
    const named = workspaceManifests().flatMap((file) => {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>
      const all = { ...manifest.dependencies, ...manifest.devDependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies }
      return Object.keys(all).filter((name) => name.startsWith('@event-driven-io/') || name === 'sqlite3').map((name) => `${file}: ${name}`)
    })
    expect(named).toEqual([])
  })

  it('the lockfile holds none of them', () => {
    const lockfile = readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8')
    expect(lockfile).not.toContain('@event-driven-io/')
    expect(lockfile).not.toMatch(/^ {2}sqlite3@/m)
  })

  it('what the bench installs is Emmett 0.42 and the packages its bundles import', () => {
    expect(peerNames).toEqual(expect.arrayContaining(['@event-driven-io/emmett', '@event-driven-io/emmett-sqlite', '@event-driven-io/emmett-postgresql', 'sqlite3']))
    expect(Object.values(PEER_SPECS).flatMap((spec) => spec.packages).filter((spec) => spec.startsWith('@event-driven-io/') && !spec.endsWith('@0.42.x'))).toEqual([])
  })

  it('its folder is git-ignored', () => {
    expect(readFileSync(join(root, 'packages', 'bench', '.gitignore'), 'utf8').split('\n')).toContain('.peers/')
  })
})
