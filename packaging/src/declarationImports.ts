import { builtinModules } from 'node:module'
import type { PackageManifest } from './workspacePackages'

/**
 * A published .d.ts may only name packages an installer brings along: the
 * package itself, its dependencies and peers, and Node's built-ins (whose
 * types the app has as @types/node). Naming a devDependency compiles here and
 * breaks in every app that type-checks its libraries (skipLibCheck: false).
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

/** `declarations`: each .d.ts of the tarball by path. */
export function declarationImportProblems(manifest: PackageManifest, declarations: ReadonlyMap<string, string>): string[] {
  const installed = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})])
  const problems: string[] = []
  for (const [path, text] of declarations) {
    for (const name of importedPackages(text)) {
      if (!isBuiltin(name) && !installed.has(name)) {
        problems.push(`${manifest.name}: ${path} imports "${name}", which is neither a dependency nor a peer dependency`)
      }
    }
  }
  return problems
}
