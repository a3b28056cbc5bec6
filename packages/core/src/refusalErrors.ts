import { KerjasamaError } from './kerjasamaError'
import type { GuardBasis, LocalizedMessage, RefusalReason, Violation } from './kerjasamaError'

/**
 * One thing wrong with an input. `message` is English and `messageId` Bahasa
 * Indonesia, so a form can show either next to the field at `path`; `code`
 * says what kind of problem it is (FIELD_REQUIRED, FIELD_UNKNOWN, …).
 */
export type ValidationIssue = { path: string; message: string; messageId: string; code?: string }

/** How many issues the error's own message quotes; `issues` and `violations` hold them all. */
const ISSUES_IN_MESSAGE = 5

function issueSummary(issues: ReadonlyArray<ValidationIssue>, pick: (issue: ValidationIssue) => string, more: (count: number) => string): string {
  if (issues.length === 0) return ''
  const shown = issues.slice(0, ISSUES_IN_MESSAGE).map((issue) => `${issue.path === '' ? '' : `${issue.path}: `}${pick(issue)}`)
  return ` — ${shown.join('; ')}${issues.length > ISSUES_IN_MESSAGE ? `; ${more(issues.length - ISSUES_IN_MESSAGE)}` : ''}`
}

/** A command or other input did not match its schema; one violation per field, its path in `details.path`. */
export class ValidationError extends KerjasamaError {
  readonly issues: ReadonlyArray<ValidationIssue>
  readonly violations: ReadonlyArray<RefusalReason>
  constructor(what: LocalizedMessage, issues: ReadonlyArray<ValidationIssue>) {
    super(
      'VALIDATION_FAILED',
      {
        id: `Masukan tidak valid: ${what.id}${issueSummary(issues, (issue) => issue.messageId, (count) => `dan ${count} lainnya`)}`,
        en: `Invalid input: ${what.en}${issueSummary(issues, (issue) => issue.message, (count) => `and ${count} more`)}`,
      },
      { what: what.en, issues },
    )
    this.issues = issues
    this.violations = issues.map((issue) => ({
      code: issue.code ?? 'FIELD_INVALID',
      message: { id: issue.messageId, en: issue.message },
      basis: { kind: 'schema', source: `${what.en}${issue.path === '' ? '' : `: ${issue.path}`}` },
      details: { path: issue.path },
    }))
  }
}

/** decide() refused a command; `violations` lists every rule it broke, not only the first. */
export class GuardViolation extends KerjasamaError {
  readonly violations: ReadonlyArray<Violation>
  constructor(commandType: string, violations: ReadonlyArray<Violation>) {
    super(
      'GUARD_VIOLATION',
      {
        id: `Perintah ${commandType} ditolak: ${violations.map((v) => v.message.id).join('; ')}`,
        en: `Command ${commandType} refused: ${violations.map((v) => v.message.en).join('; ')}`,
      },
      { commandType, codes: violations.map((v) => v.code) },
    )
    this.violations = violations
  }
}

const ROLE_TABLE_BASIS: GuardBasis = { kind: 'policy', source: 'Tabel peran Kerjasama (commandRoles)' }

/** The actor's role may not issue this command; its one violation (ROLE_NOT_ALLOWED) names the role rule as basis. Nothing is appended. */
export class NotAuthorized extends KerjasamaError {
  readonly violations: ReadonlyArray<RefusalReason>
  constructor(commandType: string, role: string, allowedRoles: readonly string[], basis: GuardBasis = ROLE_TABLE_BASIS) {
    const message = {
      id: `Peran ${role} tidak berwenang menjalankan ${commandType} (yang berwenang: ${allowedRoles.join(', ')})`,
      en: `Role ${role} may not issue ${commandType} (allowed: ${allowedRoles.join(', ')})`,
    }
    super('NOT_AUTHORIZED', message, { commandType, role, allowedRoles })
    this.violations = [{ code: 'ROLE_NOT_ALLOWED', message, basis, details: { commandType, role, allowedRoles: [...allowedRoles] } }]
  }
}

/** A command, other than IdentifyCooperation, on an agreement with no events; nothing is appended. */
export class AgreementNotFound extends KerjasamaError {
  readonly violations: ReadonlyArray<RefusalReason>
  constructor(agreementId: string) {
    const message = {
      id: `Kerja sama ${agreementId} tidak ditemukan; setiap langkah dimulai dari kerja sama yang sudah diidentifikasi`,
      en: `Agreement ${agreementId} not found; every step starts from an agreement that was identified`,
    }
    super('AGREEMENT_NOT_FOUND', message, { agreementId })
    this.violations = [{
      code: 'AGREEMENT_NOT_FOUND',
      message,
      basis: { kind: 'reg', source: 'Permendagri 22/2020, tahapan kerja sama dimulai dengan persiapan (identifikasi)' },
      details: { agreementId },
    }]
  }
}

/**
 * A store opened for one region records only agreements that region is party
 * to: as the initiating region or as a daerah partner. Nothing is written.
 * Stores opened for DEFAULT_TENANT (a deployment for one region) do not check.
 */
export class AgreementOutsideTenant extends KerjasamaError {
  readonly violations: ReadonlyArray<RefusalReason>
  constructor(tenant: string, regions: readonly string[]) {
    const message = {
      id: `Penyimpanan daerah ${tenant} hanya mencatat kerja sama yang melibatkan daerah ${tenant}; kerja sama ini melibatkan daerah ${regions.join(', ')}`,
      en: `The store of region ${tenant} records only agreements region ${tenant} is party to; this one involves ${regions.join(', ')}`,
    }
    super('AGREEMENT_OUTSIDE_TENANT', message, { tenant, regions: [...regions] })
    this.violations = [{
      code: 'AGREEMENT_OUTSIDE_TENANT',
      message,
      basis: { kind: 'policy', source: 'Pemisahan data per daerah: setiap daerah menatausahakan kerja sama yang ia menjadi pihaknya' },
      details: { tenant, regions: [...regions] },
    }]
  }
}
