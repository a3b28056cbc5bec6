import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportsProblems, packedManifestProblems, rangeProblems, sourceManifestProblems, corePeerProblems } from '../src/manifestRules'
import { REPOSITORY_ROOT, publishedPackages, workspacePackages } from '../src/workspacePackages'
import type { PackageManifest } from '../src/workspacePackages'

const workspace = workspacePackages()
const published = publishedPackages()
const rootLicense = readFileSync(join(REPOSITORY_ROOT, 'LICENSE'), 'utf8')

describe('every published package', () => {
  it('lives under packages/: no example is published', () => {
    expect(published.length).toBeGreaterThan(0)
    expect(published.filter((pkg) => !pkg.directory.startsWith(join(REPOSITORY_ROOT, 'packages'))).map((pkg) => pkg.manifest.name)).toEqual([])
  })

  for (const pkg of published) {
    const name = pkg.manifest.name
    it(`${name}: publishes caret ranges, core as a peer, exports without the source condition`, () => {
      expect(sourceManifestProblems(pkg, workspace)).toEqual([])
    })

    it(`${name}: ships a LICENSE equal to the repository's, and a README with its install line`, () => {
      expect(readFileSync(join(pkg.directory, 'LICENSE'), 'utf8')).toBe(rootLicense)
      const readme = join(pkg.directory, 'README.md')
      expect(existsSync(readme)).toBe(true)
      const installLines = readFileSync(readme, 'utf8').split('\n').filter((line) => /^npm install\b/.test(line))
      expect(installLines.some((line) => line.split(/\s+/).includes(name))).toBe(true)
    })
  }

  it('the repository LICENSE is the Apache License 2.0 the manifests declare', () => {
    expect(rootLicense).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/)
    expect(rootLicense).toContain('END OF TERMS AND CONDITIONS')
    expect(rootLicense).toContain('Copyright 2026 The Kerjasama authors')
  })
})

// The rules themselves, on manifests made to break them: a rule that cannot
// fail would let every package above pass.
describe('the manifest rules', () => {
  const base: PackageManifest = { name: '@kerjasama/store-example', version: '0.1.0', license: 'Apache-2.0', type: 'module', files: ['dist'] }

  it('refuse exact pins and workspace:* in what is published, and accept carets', () => {
    expect(rangeProblems({ ...base, dependencies: { zod: '4.6.7', pg: '^8.23.1' }, peerDependencies: { '@kerjasama/core': 'workspace:*' } })).toEqual([
      '@kerjasama/store-example: dependencies.zod is "4.6.7"; publish a caret range ("^x.y.z" or "workspace:^")',
      '@kerjasama/store-example: peerDependencies.@kerjasama/core is "workspace:*"; publish a caret range ("^x.y.z" or "workspace:^")',
    ])
    expect(rangeProblems({ ...base, devDependencies: { vitest: '4.1.12' } })).toEqual([])
  })

  it('refuse an adapter that brings its own copy of core', () => {
    expect(corePeerProblems({ ...base, dependencies: { '@kerjasama/core': 'workspace:^' } })).toHaveLength(3)
    expect(corePeerProblems({ ...base, peerDependencies: { '@kerjasama/core': 'workspace:^' }, devDependencies: { '@kerjasama/core': 'workspace:^' } })).toEqual([])
    expect(corePeerProblems({ ...base, name: '@kerjasama/cli', dependencies: { '@kerjasama/core': 'workspace:^' } })).toEqual([])
  })

  it('refuse a publishConfig.exports that drifted from exports, and an entry require() cannot load', () => {
    const exportsField = { '.': { '@kerjasama/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' } }
    expect(exportsProblems({ ...base, exports: exportsField, publishConfig: { exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } } })).toEqual([])
    expect(exportsProblems({ ...base, exports: exportsField })).toHaveLength(1)
    const importOnly = { '.': { types: './dist/index.d.ts', import: './dist/index.js' } }
    expect(exportsProblems({ ...base, exports: importOnly, publishConfig: { exports: importOnly } })).toEqual([
      '@kerjasama/store-example: exports["."] offers ["types","import"]; offer exactly "types" then "default"',
    ])
  })

  it('refuse a packed manifest resolving through the source condition, naming a file the tarball lacks, or running an install script', () => {
    const packed: PackageManifest = {
      ...base,
      exports: { '.': { '@kerjasama/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' } },
      bin: { example: './dist/main.js' },
      scripts: { demo: 'tsx --conditions=@kerjasama/source src/main.ts', postinstall: 'node setup.js' },
    }
    expect(packedManifestProblems(packed, new Set(['package.json', 'README.md', 'dist/index.d.ts', 'dist/index.js']))).toEqual([
      '@kerjasama/store-example: the packed package.json still resolves through "@kerjasama/source"',
      '@kerjasama/store-example: "src/index.ts" is named in package.json but not in the tarball',
      '@kerjasama/store-example: "dist/main.js" is named in package.json but not in the tarball',
      '@kerjasama/store-example: the packed package.json has a postinstall script',
      '@kerjasama/store-example: the tarball holds no LICENSE',
    ])
  })
})
