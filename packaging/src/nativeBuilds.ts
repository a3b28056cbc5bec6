import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { REPOSITORY_ROOT } from './workspacePackages'

/**
 * The consumer project is installed with --ignore-scripts, and each
 * dependency that has an install script is finished here. better-sqlite3 is
 * the one that compiles (no prebuilt binary can be fetched here), which takes
 * minutes on a busy machine: when npm picked the very version the workspace
 * has already compiled in this run with this Node, its binary is reused (a
 * mismatch would fail loudly when the programs open SQLite);
 * any other version, or any other package with an install script, is rebuilt
 * by npm as a user's install would.
 */
const LIFECYCLE_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const
const SQLITE_BINARY = join('build', 'Release', 'better_sqlite3.node')

type Manifest = { name: string; version: string; scripts?: Record<string, string> }

export type NativeBuildPlan = { reuse: Array<{ name: string; from: string; to: string }>; rebuild: string[] }

function installedPackages(nodeModules: string): Array<{ directory: string; manifest: Manifest }> {
  if (!existsSync(nodeModules)) return []
  return readdirSync(nodeModules, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || entry.name.startsWith('.')) return []
    const directory = join(nodeModules, entry.name)
    if (entry.name.startsWith('@')) return installedPackages(directory)
    const manifestFile = join(directory, 'package.json')
    if (!existsSync(manifestFile)) return []
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
    return [{ directory, manifest }, ...installedPackages(join(directory, 'node_modules'))]
  })
}

function workspaceSqliteBuild(): { version: string; binary: string } | undefined {
  try {
    const manifestFile = createRequire(join(REPOSITORY_ROOT, 'packages', 'store-sqlite', 'package.json')).resolve('better-sqlite3/package.json')
    const binary = join(dirname(manifestFile), SQLITE_BINARY)
    const { version } = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
    return existsSync(binary) ? { version, binary } : undefined
  } catch {
    return undefined
  }
}

export function planNativeBuilds(project: string): NativeBuildPlan {
  const compiled = workspaceSqliteBuild()
  const plan: NativeBuildPlan = { reuse: [], rebuild: [] }
  for (const { directory, manifest } of installedPackages(join(project, 'node_modules'))) {
    if (!LIFECYCLE_SCRIPTS.some((script) => manifest.scripts?.[script] !== undefined)) continue
    if (manifest.name === 'better-sqlite3' && compiled !== undefined && compiled.version === manifest.version) {
      plan.reuse.push({ name: `${manifest.name}@${manifest.version}`, from: compiled.binary, to: join(directory, SQLITE_BINARY) })
    } else {
      plan.rebuild.push(manifest.name)
    }
  }
  return plan
}

export function reuseBinaries(plan: NativeBuildPlan): void {
  for (const { from, to } of plan.reuse) {
    mkdirSync(dirname(to), { recursive: true })
    copyFileSync(from, to)
  }
}
