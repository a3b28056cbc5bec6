import { defineConfig } from 'vitest/config'
import type { Reporter, TestModule } from 'vitest/node'
import { projects } from './vitest.workspace.ts'

// CI reads one plain line, printed last: "vitest: N passed, N failed, N skipped".
function countingReporter(): Reporter {
  return {
    onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors) {
      let passed = 0
      let failed = unhandledErrors.length
      let skipped = 0
      for (const module of testModules) {
        if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1
        for (const test of module.children.allTests()) {
          const state = test.result().state
          if (state === 'passed') passed += 1
          else if (state === 'failed') failed += 1
          else skipped += 1
        }
      }
      // Printed after the default reporter's summary so it is the last line.
      setImmediate(() => process.stdout.write(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`))
    },
  }
}

export default defineConfig({
  test: {
    projects,
    reporters: ['default', countingReporter()],
  },
})
