import { userInfo } from 'node:os'
import { UsageError } from './usageError'

export type ActorOption = { id: string; role: string; actsFor?: string }

/** `--actor id:role[:actsFor]`, e.g. `tkksd-kebumen:tkksd:33.05`; each part non-empty. */
export function parseActorOption(text: string, command: string, rules: { roles?: readonly string[]; actsForRequired?: boolean } = {}): ActorOption {
  const parts = text.split(':').map((part) => part.trim())
  const [id, role, actsFor] = parts
  const wellFormed = parts.length >= 2 && parts.length <= 3 && parts.every((part) => part !== '') && (rules.actsForRequired !== true || actsFor !== undefined)
  if (!wellFormed || id === undefined || role === undefined) {
    const shape = rules.actsForRequired === true ? 'id:role:actsFor' : 'id:role[:actsFor]'
    throw new UsageError({ id: `Opsi --actor ditulis ${shape}, mis. tkksd-kebumen:tkksd:33.05`, en: `Option --actor is written ${shape}, e.g. tkksd-kebumen:tkksd:33.05` }, command)
  }
  if (rules.roles !== undefined && !rules.roles.includes(role)) {
    throw new UsageError({ id: `Peran --actor tidak dikenal: ${role} (pilih ${rules.roles.join(', ')})`, en: `Unknown --actor role: ${role} (choose ${rules.roles.join(', ')})` }, command)
  }
  return actsFor === undefined ? { id, role } : { id, role, actsFor }
}

/**
 * Who a skip is recorded as when --actor is not given: the operator at this
 * machine, by login name (`operator:<user>`, role `operator`), so the skip
 * record always names someone to ask.
 */
export function defaultOperator(env: NodeJS.ProcessEnv | undefined): ActorOption {
  return { id: `operator:${loginName(env)}`, role: 'operator' }
}

function loginName(env: NodeJS.ProcessEnv | undefined): string {
  const fromEnv = env?.USER ?? env?.USERNAME
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim()
  try {
    return userInfo().username
  } catch {
    // A container user without a passwd entry.
    return 'unknown'
  }
}
