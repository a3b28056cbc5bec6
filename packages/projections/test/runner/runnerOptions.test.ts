import { describe, expect, it } from 'vitest'
import type { ValidationError } from '@kerjasama/core'
import { createProjectionRunner } from '../../src'
import { countingProjection } from './support/countingProjection'
import { memoryStores } from './support/memoryStores'

function refusal(options: unknown): ValidationError {
  try {
    createProjectionRunner(options as Parameters<typeof createProjectionRunner>[0])
  } catch (error) {
    return error as ValidationError
  }
  throw new Error('options were accepted')
}

describe('runner options', () => {
  const { eventStore, readModels } = memoryStores()
  const valid = { eventStore, readModels, projections: [countingProjection()] }

  it('P12 refuses bad options, a misspelt one included, with VALIDATION_FAILED, every issue in English and Bahasa Indonesia at its path', () => {
    const error = refusal({ ...valid, batchSize: 0, pollIntervalMs: 'soon', clock: 'now', extra: true })
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.localized.id).toContain('opsi pelaksana proyeksi')
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['batchSize', 'clock', 'extra', 'pollIntervalMs'])
    for (const issue of error.issues) {
      expect(issue.message.length).toBeGreaterThan(0)
      expect(issue.messageId.length).toBeGreaterThan(0)
    }
    expect(error.issues.find((issue) => issue.path === 'clock')).toMatchObject({ message: 'clock must be a function', messageId: 'clock harus berupa fungsi' })
  })

  it('P12 refuses projections without a usable name, version or apply, and two of one name', () => {
    expect(refusal({ ...valid, projections: [] }).issues[0]?.path).toBe('projections')
    expect(refusal({ ...valid, projections: [countingProjection({ name: 'has space' })] }).issues[0]?.path).toBe('projections.0.name')
    expect(refusal({ ...valid, projections: [countingProjection({ name: 'x@1' })] }).issues[0]?.path).toBe('projections.0.name')
    expect(refusal({ ...valid, projections: [countingProjection({ version: 0 })] }).issues[0]?.path).toBe('projections.0.version')
    expect(refusal({ ...valid, projections: [{ name: 'x', version: 1 }] }).issues[0]?.path).toBe('projections.0.apply')
    expect(refusal({ ...valid, projections: [countingProjection(), countingProjection()] }).issues[0]).toMatchObject({ path: 'projections', messageId: 'nama proyeksi tidak boleh kembar' })
  })

  it('P12 refuses stores that are not stores', () => {
    expect(refusal({ ...valid, eventStore: {} }).issues[0]).toMatchObject({ path: 'eventStore', messageId: 'eventStore harus berupa EventStore' })
    expect(refusal({ ...valid, readModels: { get: () => undefined } }).issues[0]).toMatchObject({ path: 'readModels' })
    expect(refusal(undefined).code).toBe('VALIDATION_FAILED')
    expect(refusal({ ...valid, holderId: 'host\n1' }).issues[0]?.path).toBe('holderId')
  })

  it('P12 accepts a minimal configuration and keeps the projection objects it was given', async () => {
    const runner = createProjectionRunner(valid)
    const [status] = await runner.status()
    expect(status).toMatchObject({ name: 'counts', version: 1 })
  })
})
