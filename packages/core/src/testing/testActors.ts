import type { Role } from '../agreement'
import type { Actor } from '../store'

/** The region the seed scenario's officers serve: Kabupaten Kebumen. */
export const TEST_REGION = '33.05'
/** The partner the default KSDPK lifecycle cooperates with. */
export const TEST_PARTNER = 'koperasi-gula-kelapa'

/** One actor per role, named after who holds it in the seed scenario: Kebumen's officers, and the cooperative's user. */
export const testActors = {
  opd: { id: 'opd-dinas-koperasi-kebumen', role: 'opd', actsFor: TEST_REGION },
  tkksd: { id: 'tkksd-sekda-kebumen', role: 'tkksd', actsFor: TEST_REGION },
  'kepala-daerah': { id: 'bupati-kebumen', role: 'kepala-daerah', actsFor: TEST_REGION },
  kuasa: { id: 'kepala-dinas-koperasi-kebumen', role: 'kuasa', actsFor: TEST_REGION },
  dprd: { id: 'dprd-kebumen', role: 'dprd', actsFor: TEST_REGION },
  partner: { id: `mitra-${TEST_PARTNER}`, role: 'partner', actsFor: TEST_PARTNER },
  monev: { id: 'inspektorat-kebumen', role: 'monev', actsFor: TEST_REGION },
} as const satisfies Record<Role, Actor>

/** An actor of this role; `id` and `actsFor` default to the test actor's. */
export function actorFor(role: Role, id?: string, actsFor?: string): Actor {
  const actor = testActors[role]
  return { id: id ?? actor.id, role, actsFor: actsFor ?? actor.actsFor }
}
