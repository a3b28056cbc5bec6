/**
 * The pack-and-install check (.ci/run, after `pnpm build`): packs every
 * published package, checks each tarball's manifest, imports and bundled
 * sources, then installs the tarballs with npm into a fresh project, as an
 * app author would, and there runs an ES module program, a CommonJS one (the
 * require(esm) decision), `tsc --noEmit` with skipLibCheck off, and the
 * installed `kerjasama` command. Exits 1 naming every problem.
 *
 * `pnpm pack:check`; KEEP_PACK_CHECK=1 keeps the temporary folder.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledSourceProblems } from './bundledSources'
import { CORE, packedManifestProblems } from './manifestRules'
import { planNativeBuilds, reuseBinaries } from './nativeBuilds'
import { packPackage } from './tarballs'
import type { Tarball } from './tarballs'
import { undeclaredImportProblems } from './undeclaredImports'
import { REPOSITORY_ROOT, publishedPackages } from './workspacePackages'

// What the consumer project adds beside the tarballs: the compiler the repo uses and Node's types.
const CONSUMER_TOOLS = ['typescript@6.0.3', '@types/node@20.19.43']

const started = Date.now()
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`
const step = (what: string): void => console.log(`pack-check [${elapsed()}] ${what}`)

// better-sqlite3 compiles where no prebuilt binary can be fetched: against the
// local Node headers (node-gyp cannot download them here), on every core.
const BUILD_ENV = { npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr', JOBS: process.env.JOBS ?? 'max' }

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...BUILD_ENV } })
}

// Private workspace code a published bundle may hold: the CLI's demo scenario.
const BUNDLED_ON_PURPOSE = [join(REPOSITORY_ROOT, 'examples')]

function only(code: Map<string, string>, keep: (path: string) => boolean): Map<string, string> {
  return new Map([...code].filter(([path]) => keep(path)))
}

function checkTarballs(tarballs: Tarball[]): string[] {
  return tarballs.flatMap((tarball) => [
    ...packedManifestProblems(tarball.manifest, tarball.files),
    ...undeclaredImportProblems(tarball.manifest, only(tarball.code, (path) => !path.endsWith('.map'))),
    ...bundledSourceProblems(tarball.manifest, tarball.directory, only(tarball.code, (path) => path.endsWith('.map')), BUNDLED_ON_PURPOSE),
  ])
}

/** Every copy of core npm placed: one, at the top, or the error brand and the ports are split between copies. */
function copiesOfCore(nodeModules: string): string[] {
  const found: string[] = []
  const visit = (folder: string): void => {
    const scoped = join(folder, '@kerjasama')
    if (existsSync(join(scoped, 'core', 'package.json'))) found.push(join(scoped, 'core'))
    for (const parent of [folder, scoped]) {
      if (!existsSync(parent)) continue
      for (const entry of readdirSync(parent, { withFileTypes: true })) {
        const nested = join(parent, entry.name, 'node_modules')
        if (entry.isDirectory() && existsSync(nested)) visit(nested)
      }
    }
  }
  visit(nodeModules)
  return found
}

/** Our packages must come from the tarballs; one fetched from the registry would test someone else's code. */
function registryCopies(project: string): string[] {
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> }
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.includes('node_modules/@kerjasama/') && !(entry.resolved ?? '').startsWith('file:'))
    .map(([path, entry]) => `${path} resolved from ${entry.resolved ?? '(nowhere)'}`)
}

/** Every specifier an app can import, from the packed exports maps: a package added later is covered without editing the programs. */
function entryPoints(tarballs: Tarball[]): string[] {
  return tarballs.flatMap((tarball) => Object.keys((tarball.manifest.exports ?? {}) as Record<string, unknown>).map((subpath) => `${tarball.manifest.name}${subpath.slice(1)}`))
}

function installConsumer(folder: string, tarballs: Tarball[]): string {
  const project = join(folder, 'consumer')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'kerjasama-consumer', private: true, type: 'module' }, null, 2)}\n`)
  cpSync(join(REPOSITORY_ROOT, 'packaging', 'consumer'), project, { recursive: true })
  const specifiers = entryPoints(tarballs)
  writeFileSync(join(project, 'entryPoints.json'), `${JSON.stringify(specifiers, null, 2)}\n`)
  const imports = specifiers.map((specifier, index) => `import * as entry${index} from '${specifier}'`)
  writeFileSync(join(project, 'everyEntryPoint.ts'), `${imports.join('\n')}\n\nexport const entries = [${specifiers.map((_, index) => `entry${index}`).join(', ')}]\n`)
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs.map((tarball) => tarball.file), ...CONSUMER_TOOLS], project)
  const plan = planNativeBuilds(project)
  reuseBinaries(plan)
  if (plan.reuse.length > 0) step(`reused the workspace's compiled ${plan.reuse.map((build) => build.name).join(', ')}`)
  if (plan.rebuild.length > 0) {
    step(`running the install scripts of ${plan.rebuild.join(', ')}`)
    run('npm', ['rebuild', '--loglevel=error', ...plan.rebuild], project)
  }
  return project
}

function consumerProblems(project: string): string[] {
  const problems: string[] = []
  const attempt = (label: string, command: string, args: string[]): void => {
    try {
      const output = run(command, args, project).trim()
      step(`${label}: ${output === '' ? 'no errors' : output.split('\n').at(-1)}`)
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string }
      problems.push(`${label} failed:\n${[failed.stdout, failed.stderr].filter(Boolean).join('\n') || failed.message}`)
    }
  }
  const cores = copiesOfCore(join(project, 'node_modules'))
  if (cores.length !== 1) problems.push(`npm installed ${cores.length} copies of ${CORE}: ${cores.join(', ')}`)
  problems.push(...registryCopies(project))
  attempt('ESM program', 'node', ['app.mjs'])
  attempt('CommonJS program', 'node', ['require.cjs'])
  attempt('tsc --noEmit (skipLibCheck off)', join(project, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'])
  attempt('kerjasama --version', join(project, 'node_modules', '.bin', 'kerjasama'), ['--version'])
  attempt('kerjasama demo --store memory', join(project, 'node_modules', '.bin', 'kerjasama'), ['demo', '--store', 'memory'])
  return problems
}

function main(): number {
  const folder = mkdtempSync(join(tmpdir(), 'kerjasama-pack-check-'))
  try {
    const tarballFolder = join(folder, 'tarballs')
    mkdirSync(tarballFolder)
    const tarballs = publishedPackages().map((pkg) => packPackage(pkg, tarballFolder))
    step(`packed ${tarballs.map((tarball) => `${tarball.manifest.name}@${tarball.manifest.version}`).join(', ')}`)
    const problems = checkTarballs(tarballs)
    step('installing the tarballs with npm into a fresh project')
    const project = installConsumer(folder, tarballs)
    step('installed')
    problems.push(...consumerProblems(project))
    if (problems.length > 0) {
      console.error(`pack-check: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`)
      return 1
    }
    step('every package packs, installs with npm and works from the tarball')
    return 0
  } finally {
    if (process.env.KEEP_PACK_CHECK === '1') console.log(`pack-check: kept ${folder}`)
    else rmSync(folder, { recursive: true, force: true })
  }
}

process.exitCode = main()
