import { describe, expect, it } from 'vitest'
import { defineProjection } from '../src'

describe('defineProjection', () => {
  it('returns the projection it is given, so a user projection is typed like the built-ins', () => {
    const projection = { name: 'mine', version: 1, apply: async () => {} }
    expect(defineProjection(projection)).toBe(projection)
  })
})
