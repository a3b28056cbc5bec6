import type { AgreementCommand } from '../agreement'
import { AgreementOutsideTenant } from '../errors'
import { DEFAULT_TENANT } from '../store'
import type { TenantId } from '../store'

/** The regions an agreement involves: the initiating region and every daerah partner's region code. */
export function regionsOfAgreement(command: Extract<AgreementCommand, { type: 'IdentifyCooperation' }>): string[] {
  const partnerRegions = command.partners.flatMap((partner) => (partner.kind === 'daerah' && partner.regionCode !== undefined ? [partner.regionCode] : []))
  return [...new Set([command.initiatingRegion, ...partnerRegions])]
}

/**
 * A store opened for one region holds only agreements that region is party
 * to, so 33.05's register never lists an agreement of 33.74 and 33.06 alone.
 * Only identification can bring an agreement into a store: every later
 * command addresses a stream that already lies in it.
 */
export function assertAgreementInTenant(tenant: TenantId, command: object): void {
  if (tenant === DEFAULT_TENANT || (command as { type?: unknown }).type !== 'IdentifyCooperation') return
  const regions = regionsOfAgreement(command as Extract<AgreementCommand, { type: 'IdentifyCooperation' }>)
  if (!regions.includes(tenant)) throw new AgreementOutsideTenant(tenant, regions)
}
