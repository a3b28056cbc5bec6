import type { PackageManifest, WorkspacePackage } from './workspacePackages'

/**
 * What a published package.json must hold so that `npm install` of the
 * tarball gives a working, single-copy install. Each rule returns the
 * problems it found as sentences naming the package and field; empty means
 * the manifest is fine.
 */

export const SOURCE_CONDITION = '@kerjasama/source'
export const CORE = '@kerjasama/core'

/**
 * Applications built on core may depend on it directly; everything that
 * plugs into core (adapters, the contract suite, projections, the region
 * directory) takes it as a peer, so the app's one copy is the copy they use.
 */
const DEPENDS_ON_CORE_DIRECTLY = new Set([CORE, '@kerjasama/cli'])

// A caret on a full version, or the workspace form pnpm pack turns into one.
const CARET_RANGE = /^\^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/
const WORKSPACE_CARET = 'workspace:^'

const PUBLISHED_DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const
const ALL_DEPENDENCY_FIELDS = [...PUBLISHED_DEPENDENCY_FIELDS, 'devDependencies'] as const

/** Pinned ranges make every app that installs two of our packages fight over exact versions. */
export function rangeProblems(manifest: PackageManifest): string[] {
  return PUBLISHED_DEPENDENCY_FIELDS.flatMap((field) =>
    Object.entries(manifest[field] ?? {})
      .filter(([, range]) => !CARET_RANGE.test(range) && range !== WORKSPACE_CARET)
      .map(([name, range]) => `${manifest.name}: ${field}.${name} is "${range}"; publish a caret range ("^x.y.z" or "${WORKSPACE_CARET}")`),
  )
}

/** Two copies of core in one app split the error brand, the schemas and the ports between them. */
export function corePeerProblems(manifest: PackageManifest): string[] {
  if (DEPENDS_ON_CORE_DIRECTLY.has(manifest.name)) return []
  const problems: string[] = []
  if (manifest.dependencies?.[CORE] !== undefined) problems.push(`${manifest.name}: ${CORE} is a dependency; make it a peerDependency`)
  if (manifest.peerDependencies?.[CORE] !== WORKSPACE_CARET) problems.push(`${manifest.name}: peerDependencies.${CORE} must be "${WORKSPACE_CARET}"`)
  if (manifest.devDependencies?.[CORE] !== WORKSPACE_CARET) problems.push(`${manifest.name}: devDependencies.${CORE} must be "${WORKSPACE_CARET}", so the workspace links it`)
  return problems
}

/** pnpm pack writes a workspace package's version into the tarball; a package without one cannot be packed. */
export function workspaceVersionProblems(manifest: PackageManifest, workspace: readonly WorkspacePackage[]): string[] {
  const versions = new Map(workspace.map((pkg) => [pkg.manifest.name, pkg.manifest.version]))
  return ALL_DEPENDENCY_FIELDS.flatMap((field) =>
    Object.keys(manifest[field] ?? {})
      .filter((name) => versions.has(name) && versions.get(name) === undefined)
      .map((name) => `${manifest.name}: ${field}.${name} is a workspace package without a version, so pnpm pack cannot write its range`),
  )
}

/** The exports map with the source condition removed: what a published package must declare. */
export function withoutSourceCondition(exportsField: unknown): unknown {
  if (typeof exportsField !== 'object' || exportsField === null) return exportsField
  return Object.fromEntries(
    Object.entries(exportsField)
      .filter(([condition]) => condition !== SOURCE_CONDITION)
      .map(([key, target]) => [key, withoutSourceCondition(target)]),
  )
}

/**
 * The source condition points at src/, which is not in the tarball: pnpm's
 * publishConfig.exports replaces `exports` at pack time, and must be exactly
 * `exports` without that condition so the two cannot drift. Every entry
 * offers `types` then `default`: `default` (not `import`) is what lets
 * `require()` load the ES module on Node 20.19 and later.
 */
export function exportsProblems(manifest: PackageManifest): string[] {
  const problems: string[] = []
  const expected = withoutSourceCondition(manifest.exports)
  if (JSON.stringify(manifest.publishConfig?.exports) !== JSON.stringify(expected)) {
    problems.push(`${manifest.name}: publishConfig.exports must equal exports without the "${SOURCE_CONDITION}" condition`)
  }
  for (const [subpath, conditions] of Object.entries((expected ?? {}) as Record<string, unknown>)) {
    const keys = typeof conditions === 'object' && conditions !== null ? Object.keys(conditions) : []
    if (keys.join(',') !== 'types,default') {
      problems.push(`${manifest.name}: exports["${subpath}"] offers ${JSON.stringify(keys)}; offer exactly "types" then "default"`)
    }
  }
  return problems
}

export function sourceManifestProblems(pkg: WorkspacePackage, workspace: readonly WorkspacePackage[]): string[] {
  const { manifest } = pkg
  const basics: string[] = []
  if (manifest.version === undefined) basics.push(`${manifest.name}: no version`)
  if (manifest.license !== 'Apache-2.0') basics.push(`${manifest.name}: license must be "Apache-2.0"`)
  if (manifest.type !== 'module') basics.push(`${manifest.name}: type must be "module"`)
  if (!(manifest.files ?? []).includes('dist')) basics.push(`${manifest.name}: files must include "dist"`)
  return [...basics, ...rangeProblems(manifest), ...corePeerProblems(manifest), ...workspaceVersionProblems(manifest, workspace), ...exportsProblems(manifest)]
}

/** Every path a packed manifest points at (exports targets and bin), as it appears in the tarball. */
export function manifestTargets(manifest: PackageManifest): string[] {
  const targets: string[] = []
  const walk = (node: unknown): void => {
    if (typeof node === 'string') targets.push(node)
    else if (typeof node === 'object' && node !== null) Object.values(node).forEach(walk)
  }
  walk(manifest.exports)
  walk(manifest.bin)
  return targets.map((target) => target.replace(/^\.\//, ''))
}

// The fields a resolver reads. `scripts` may still name the source condition
// (pnpm packs them as they are); nothing installs or resolves through them.
const RESOLUTION_FIELDS = ['exports', 'imports', 'main', 'module', 'types', 'typings', 'bin', 'publishConfig'] as const

/** Checks on the package.json inside a tarball, given the tarball's file list (paths relative to package/). */
export function packedManifestProblems(manifest: PackageManifest, files: ReadonlySet<string>): string[] {
  const problems: string[] = []
  const record = manifest as Record<string, unknown>
  const resolution = JSON.stringify(RESOLUTION_FIELDS.map((field) => record[field]))
  if (resolution.includes(SOURCE_CONDITION)) problems.push(`${manifest.name}: the packed package.json still resolves through "${SOURCE_CONDITION}"`)
  const ranges = JSON.stringify([manifest.dependencies, manifest.peerDependencies, manifest.optionalDependencies, manifest.devDependencies])
  if (ranges.includes('workspace:')) problems.push(`${manifest.name}: the packed package.json still holds a workspace: range`)
  for (const target of manifestTargets(manifest)) {
    if (!files.has(target)) problems.push(`${manifest.name}: "${target}" is named in package.json but not in the tarball`)
  }
  // An install script would run on every app's machine; ours build nothing there.
  for (const script of ['preinstall', 'install', 'postinstall'] as const) {
    if (manifest.scripts?.[script] !== undefined) problems.push(`${manifest.name}: the packed package.json has a ${script} script`)
  }
  for (const required of ['README.md', 'LICENSE', 'package.json']) {
    if (!files.has(required)) problems.push(`${manifest.name}: the tarball holds no ${required}`)
  }
  return [...problems, ...rangeProblems(manifest)]
}
