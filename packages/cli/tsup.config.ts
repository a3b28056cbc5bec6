import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/main.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // The seed scenario lives in the private example package; bundling it keeps
  // the published CLI free of a dependency on something never published.
  noExternal: ['@kerjasama/example-jateng'],
})
