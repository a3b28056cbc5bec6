import type { Role } from '../agreement'
import type { Actor } from '../store'

/** One actor per role, named after who holds it in the seed scenario. */
export const testActors = {
  opd: { id: 'opd-dinas-koperasi-kebumen', role: 'opd' },
  tkksd: { id: 'tkksd-sekda-kebumen', role: 'tkksd' },
  kepala_daerah: { id: 'bupati-kebumen', role: 'kepala_daerah' },
  kuasa: { id: 'kepala-dinas-koperasi-kebumen', role: 'kuasa' },
  dprd: { id: 'dprd-kebumen', role: 'dprd' },
  partner: { id: 'mitra-koperasi-gula-kelapa', role: 'partner' },
  monev: { id: 'inspektorat-kebumen', role: 'monev' },
} as const satisfies Record<Role, Actor>

export function actorFor(role: Role, id?: string): Actor {
  return id === undefined ? { ...testActors[role] } : { id, role }
}
