import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const REPOSITORY_ROOT = resolve(import.meta.dirname, '../..')

export type PackageManifest = {
  name: string
  version?: string
  private?: boolean
  license?: string
  type?: string
  files?: string[]
  bin?: string | Record<string, string>
  scripts?: Record<string, string>
  exports?: unknown
  publishConfig?: Record<string, unknown>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}

export type WorkspacePackage = { directory: string; manifest: PackageManifest }

/** Every package of the workspace (packages/* and examples/*), published or not. */
export function workspacePackages(root = REPOSITORY_ROOT): WorkspacePackage[] {
  return ['packages', 'examples'].flatMap((parent) =>
    readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, parent, entry.name, 'package.json')))
      .map((entry) => {
        const directory = join(root, parent, entry.name)
        return { directory, manifest: JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageManifest }
      }),
  )
}

/** The packages that go to the npm registry: every workspace package not marked private. */
export function publishedPackages(root = REPOSITORY_ROOT): WorkspacePackage[] {
  return workspacePackages(root).filter((pkg) => pkg.manifest.private !== true)
}
