import { GuardViolation, isKerjasamaError } from '@kerjasama/core'
import type { Actor, AgreementCommandInput, AgreementService, CommandInputOf } from '@kerjasama/core'
import { stepName } from './stepNames'

export type Refusal = {
  agreement: string
  step: string
  commandType: string
  code: string
  /** The broken rules' codes when a guard refused; empty for other refusals. */
  violations: string[]
  message: { id: string; en: string }
}

export type AgreementPath = {
  key: string
  title: string
  agreementId: string
  /** Each status the agreement reached, in order, starting with the first. */
  path: string[]
}

export type SeedReport = { agreements: AgreementPath[]; refusals: Refusal[] }

/**
 * Runs one agreement's commands and tells its story: each accepted step with
 * the status it led to, each refused step with every reason, in Bahasa
 * Indonesia and English.
 */
export class Narrator {
  readonly report: SeedReport = { agreements: [], refusals: [] }

  constructor(
    private readonly service: AgreementService,
    private readonly log: (line: string) => void,
  ) {}

  async begin(key: string, title: string, command: CommandInputOf<'IdentifyCooperation'>, actor: Actor): Promise<AgreementStory> {
    this.log('')
    this.log(`== ${title}`)
    const result = await this.service.execute(command, { actor, correlationId: `seed-${key}` })
    const state = await this.service.load(result.agreementId)
    const agreement: AgreementPath = { key, title, agreementId: result.agreementId, path: [state.status] }
    this.report.agreements.push(agreement)
    this.log(`   ✓ ${stepName(typeOf(command))} → ${state.status}`)
    return new AgreementStory(this, agreement)
  }

  /** Executes one step; returns false (and records why) when the library refuses it. */
  async step(agreement: AgreementPath, label: string | undefined, command: AgreementCommandInput, actor: Actor): Promise<boolean> {
    const commandType = typeOf(command)
    try {
      await this.service.execute({ ...command, agreementId: agreement.agreementId }, { actor, correlationId: `seed-${agreement.key}` })
    } catch (error) {
      if (!isKerjasamaError(error)) throw error
      const violations = error instanceof GuardViolation ? error.violations : []
      this.report.refusals.push({
        agreement: agreement.key,
        step: label ?? stepName(commandType),
        commandType,
        code: error.code,
        violations: violations.map((violation) => violation.code),
        message: error.localized,
      })
      this.log(`   ✗ ${describeStep(command, label)}: DITOLAK / REFUSED [${error.code}]`)
      if (violations.length === 0) {
        this.log(`       id: ${error.localized.id}`)
        this.log(`       en: ${error.localized.en}`)
      }
      for (const violation of violations) {
        this.log(`     - ${violation.code}`)
        this.log(`       id: ${violation.message.id}`)
        this.log(`       en: ${violation.message.en}`)
      }
      return false
    }
    const state = await this.service.load(agreement.agreementId)
    if (agreement.path.at(-1) !== state.status) agreement.path.push(state.status)
    this.log(`   ✓ ${describeStep(command, label)} → ${state.status}`)
    return true
  }

  summarize(agreement: AgreementPath): void {
    this.log(`   jalur / path: ${agreement.path.join(' → ')}`)
  }
}

export class AgreementStory {
  constructor(
    private readonly narrator: Narrator,
    readonly agreement: AgreementPath,
  ) {}

  get agreementId(): string {
    return this.agreement.agreementId
  }

  step(label: string | undefined, command: AgreementCommandInput, actor: Actor): Promise<boolean> {
    return this.narrator.step(this.agreement, label, command, actor)
  }

  end(): void {
    this.narrator.summarize(this.agreement)
  }
}

/** The step's name, the party it concerns, and the scenario's own note when it has one. */
function describeStep(command: AgreementCommandInput, note: string | undefined): string {
  const party = 'partyId' in command ? command.partyId : 'partnerId' in command ? command.partnerId : undefined
  return `${stepName(typeOf(command))}${party === undefined ? '' : ` [${party}]`}${note === undefined ? '' : ` — ${note}`}`
}

function typeOf(command: AgreementCommandInput): string {
  return command.type
}
