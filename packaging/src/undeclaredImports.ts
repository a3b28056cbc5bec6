import { builtinModules } from 'node:module'
import type { PackageManifest } from './workspacePackages'

/**
 * A published module or .d.ts may only name packages an installer brings
 * along: the package itself, its dependencies and peers, and Node's built-ins
 * (whose types the app has as @types/node). A module importing an undeclared
 * package works in the workspace, where everything is installed, and fails
 * in an app; a .d.ts naming a devDependency breaks every app that
 * type-checks its libraries (skipLibCheck: false).
 */
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]|\/\/\/\s*<reference\s+types=['"]([^'"]+)['"]/g

export function packageOfSpecifier(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

export function importedPackages(declarationText: string): Set<string> {
  const packages = new Set<string>()
  for (const match of declarationText.matchAll(SPECIFIER)) {
    const name = packageOfSpecifier(match[1] ?? match[2] ?? '')
    if (name !== undefined) packages.add(name)
  }
  return packages
}

function isBuiltin(name: string): boolean {
  return name.startsWith('node:') || builtinModules.includes(name)
}

/** `files`: the .js and .d.ts files of the tarball by path, with their text. */
export function undeclaredImportProblems(manifest: PackageManifest, files: ReadonlyMap<string, string>): string[] {
  const installed = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})])
  const problems: string[] = []
  for (const [path, text] of files) {
    for (const name of importedPackages(text)) {
      if (!isBuiltin(name) && !installed.has(name)) {
        problems.push(`${manifest.name}: ${path} imports "${name}", which is neither a dependency nor a peer dependency`)
      }
    }
  }
  return problems
}
