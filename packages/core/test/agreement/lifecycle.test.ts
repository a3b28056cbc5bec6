import { describe, expect, it } from 'vitest'
import { fold } from '../../src/agreement'
import { eventsThrough, goodPath, run } from './scenario'
import type { Variant } from './scenario'

describe('the good path', () => {
  for (const variant of ['KSDPK', 'KSDD-sukarela', 'KSDD-wajib', 'Sinergi'] as Variant[]) {
    it(`${variant}: passes through exactly identified → mapped → coordinated → signed → implemented → evaluated`, () => {
      const { events } = run(goodPath(variant))
      const statuses: string[] = []
      for (let i = 1; i <= events.length; i += 1) {
        const status = fold(events.slice(0, i)).status
        if (statuses.at(-1) !== status) statuses.push(status)
      }
      expect(statuses).toEqual(['identified', 'mapped', 'coordinated', 'signed', 'implemented', 'evaluated'])
    })
  }

  it('is coordinated only once every coordination fact holds, and signed only when every party signed KB and PKS', () => {
    expect(fold(eventsThrough('accepted')).status).toBe('mapped')
    expect(fold(eventsThrough('coordinated')).status).toBe('coordinated')
    expect(fold(eventsThrough('kb-signed')).status).toBe('coordinated')
    const signed = fold(eventsThrough('signed'))
    expect(signed.status).toBe('signed')
    expect(signed.term.signedAt).toBeDefined()
  })
})
