import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { PackageManifest, WorkspacePackage } from './workspacePackages'

export type Tarball = {
  /** The workspace folder it was packed from. */
  directory: string
  /** Absolute path of the .tgz. */
  file: string
  /** The package.json as packed (workspace ranges resolved, publishConfig applied). */
  manifest: PackageManifest
  /** Every path in the tarball, relative to its package/ folder. */
  files: Set<string>
  /** Every module, .d.ts and source map in the tarball by path, with its text. */
  code: Map<string, string>
}

const CODE = /\.(?:m?js|cjs|d\.ts|d\.mts|js\.map)$/

/** `pnpm pack` of one package into `destination`, then unpacked beside it for inspection. Needs a fresh `pnpm build`. */
export function packPackage(pkg: WorkspacePackage, destination: string): Tarball {
  const output = execFileSync('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: pkg.directory, encoding: 'utf8' })
  const { filename } = JSON.parse(output) as { filename: string }
  const unpacked = join(destination, 'unpacked', pkg.manifest.name.replace('/', '__'))
  mkdirSync(unpacked, { recursive: true })
  execFileSync('tar', ['-xzf', filename, '-C', unpacked])
  const root = join(unpacked, 'package')
  const files = new Set(listFiles(root).map((path) => relative(root, path)))
  const code = new Map([...files].filter((path) => CODE.test(path)).map((path) => [path, readFileSync(join(root, path), 'utf8')] as const))
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageManifest
  return { directory: pkg.directory, file: filename, manifest, files, code }
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    return entry.isDirectory() ? listFiles(path) : [path]
  })
}
