import { describe, expect, it } from 'vitest'
import type { ValidationError } from '@kerjasama/core'
import { createProjectionRunner } from '../../src'
import type { Projection } from '../../src'
import { countingProjection } from './support/countingProjection'
import { memoryStores } from './support/memoryStores'

function refusal(collections: Projection['collections']): ValidationError {
  const { eventStore, readModels } = memoryStores()
  try {
    createProjectionRunner({ eventStore, readModels, projections: [countingProjection({ collections })] })
  } catch (error) {
    return error as ValidationError
  }
  throw new Error('the projection was accepted')
}

describe('the collections a projection declares', () => {
  it.each<[string, Projection['collections'], string]>([
    ['seventeen indexed fields', { counts: { indexed: Array.from({ length: 17 }, (_, n) => `field${n}`) } }, 'projections.0.collections.counts'],
    ['an indexed field name over 64 characters', { counts: { indexed: ['f'.repeat(65)] } }, 'projections.0.collections.counts'],
    ['an indexed field with a control character', { counts: { indexed: ['stream\ttype'] } }, 'projections.0.collections.counts'],
    ['a collection with a control character', { 'cou\nnts': { indexed: ['streamType'] } }, 'projections.0.collections.cou\nnts'],
  ])('P12 a projection declaring %s, which the store would refuse at every pass, is refused at creation with bilingual issues', (_label, collections, path) => {
    const error = refusal(collections)
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.issues.map((issue) => issue.path)).toEqual([path])
    for (const issue of error.issues) {
      expect(issue.message.length).toBeGreaterThan(0)
      expect(issue.messageId.length).toBeGreaterThan(0)
      expect(issue.messageId).not.toBe(issue.message)
    }
  })

  it('P12 the same field declared twice, and the store’s limits exactly, are accepted', () => {
    const { eventStore, readModels } = memoryStores()
    const collections = { counts: { indexed: ['streamType', 'streamType', ...Array.from({ length: 15 }, (_, n) => `f${n}`.padEnd(64, 'x'))] } }
    expect(() => createProjectionRunner({ eventStore, readModels, projections: [countingProjection({ collections })] })).not.toThrow()
  })
})
