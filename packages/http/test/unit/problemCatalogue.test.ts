import { describe, expect, it } from 'vitest'
import { GuardViolation, KerjasamaError, StoreUnavailable, builtInGuardCodes } from '@kerjasama/core'
import { PARTY_RULE_CODES, problemCodeOf, renderProblem } from '../../src/problem/problemDetails'
import { problemCatalogue } from '../../src/problem/problemCatalogue'

const violation = (code: string) => ({ code, message: { id: `aturan ${code}`, en: `rule ${code}` }, basis: { kind: 'reg' as const, source: 'Permendagri 22/2020' } })

describe('the problem catalogue', () => {
  it('gives every code its own type slug and a title in both languages', () => {
    const slugs = Object.values(problemCatalogue).map((kind) => kind.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const kind of Object.values(problemCatalogue)) {
      expect(kind.slug).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(kind.title.id.length).toBeGreaterThan(0)
      expect(kind.title.en.length).toBeGreaterThan(0)
      expect(kind.title.id).not.toBe(kind.title.en)
    }
  })

  it('names only party rules that core’s guards table has', () => {
    expect(PARTY_RULE_CODES.filter((code) => !builtInGuardCodes.includes(code))).toEqual([])
  })

  it('a guard violation that includes a party rule answers as that rule (403), with every violation still listed', () => {
    const error = new GuardViolation('SendOffer', [violation('OFFER_BEFORE_FEASIBILITY'), violation('ACTOR_NOT_OF_INITIATING_REGION')])
    expect(problemCodeOf(error)).toBe('ACTOR_NOT_OF_INITIATING_REGION')
    const rendered = renderProblem(error, { language: 'id', instance: '/api/agreements/a/commands' })
    expect(rendered.status).toBe(403)
    expect(rendered.body.violations.map((item) => item.code)).toEqual(['OFFER_BEFORE_FEASIBILITY', 'ACTOR_NOT_OF_INITIATING_REGION'])
    expect(problemCodeOf(new GuardViolation('SendOffer', [violation('OFFER_BEFORE_FEASIBILITY')]))).toBe('GUARD_VIOLATION')
  })

  it('a server fault shows only the generic title: neither its message nor its details reach the client', () => {
    const corrupt = new KerjasamaError('STORE_CORRUPT', { id: 'Berkas /srv/rahasia.db rusak', en: 'File /srv/rahasia.db is damaged' }, { file: '/srv/rahasia.db' })
    for (const error of [corrupt, new TypeError('cannot read property x of undefined at /srv/app.js')]) {
      const rendered = renderProblem(error, { language: 'en', instance: '/api/register' })
      expect(rendered).toMatchObject({ status: 500, unexpected: true, body: { code: 'INTERNAL_ERROR', detail: 'Internal server error', violations: [] } })
      expect(JSON.stringify(rendered.body)).not.toContain('/srv/')
    }
  })

  it('a transient store failure is 503 with Retry-After and its own code', () => {
    const rendered = renderProblem(new StoreUnavailable('append'), { language: 'id', instance: '/api/agreements' })
    expect(rendered).toMatchObject({ status: 503, unexpected: false, headers: { 'retry-after': '2' }, body: { code: 'STORE_UNAVAILABLE', violations: [{ code: 'STORE_UNAVAILABLE', details: { operation: 'append' } }] } })
  })
})
