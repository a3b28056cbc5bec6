import type { AgreementState } from '@kerjasama/core'
import type { Stage } from './register/registerEntry'

/** The regions taking part: the initiating region and every daerah partner. */
export function regionsOf(state: AgreementState): string[] {
  const codes = [state.initiatingRegion, ...state.partners.map((partner) => partner.regionCode)]
  return [...new Set(codes.filter((code): code is string => code !== undefined && code !== ''))]
}

export function stageOf(state: AgreementState): Stage | undefined {
  return state.status === 'none' ? undefined : state.status
}

/** "33.05" → "33"; a province's own code stays itself. */
export function provinceOf(regionCode: string): string {
  return regionCode.slice(0, 2)
}

export const stages: readonly Stage[] = ['identified', 'mapped', 'coordinated', 'signed', 'implemented', 'evaluated', 'ended']
