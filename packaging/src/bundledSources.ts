import { dirname, relative, resolve, sep } from 'node:path'
import type { PackageManifest } from './workspacePackages'

/**
 * tsup bundles whatever a package imports without declaring it. A bundled
 * copy of a dependency (zod, another of our packages) is a second copy in the
 * app, with its own classes and state, and hides a missing dependency. So a
 * published bundle may hold only its own sources, and those of private
 * workspace folders bundled on purpose (the CLI's demo scenario, from
 * examples/). The source maps say what went in.
 */
export function bundledSourceProblems(
  manifest: PackageManifest,
  packageDirectory: string,
  sourceMaps: ReadonlyMap<string, string>,
  bundledOnPurpose: readonly string[],
): string[] {
  const allowed = [packageDirectory, ...bundledOnPurpose].map((folder) => folder + sep)
  const foreign = new Set<string>()
  for (const [mapPath, text] of sourceMaps) {
    const { sources = [] } = JSON.parse(text) as { sources?: string[] }
    for (const source of sources) {
      const file = resolve(packageDirectory, dirname(mapPath), source)
      if (!allowed.some((folder) => file.startsWith(folder))) foreign.add(relative(packageDirectory, file))
    }
  }
  return [...foreign].map((file) => `${manifest.name}: its bundle holds ${file}; declare that package a dependency instead`)
}
