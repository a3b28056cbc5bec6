import type { BenchEvent } from '../subjects/benchSubject'

/**
 * The event of the append workloads, shaped like a real ActionCompleted: an
 * agreement and action id, an 80-character description, an ISO due date and
 * one evidence URL, with the actor and correlation id as metadata. The same
 * object goes to every subject, so each writes the same bytes of payload.
 */
const DESCRIPTION = 'Penyerahan 40 unit mesin pres gula merah kepada kelompok usaha di Kecamatan Kemb'

export function actionCompleted(streamIndex: number, sequence: number): BenchEvent {
  const agreementId = `ks-${String(streamIndex).padStart(6, '0')}`
  return {
    type: 'ActionCompleted',
    schemaVersion: 1,
    data: {
      agreementId,
      actionId: `${agreementId}-action-${sequence}`,
      description: DESCRIPTION,
      dueDate: '2026-03-31',
      evidence: [`https://jdih.jatengprov.go.id/bukti/${agreementId}/bast-${sequence}.pdf`],
    },
    metadata: {
      actor: { id: 'opd-33.05-0017', role: 'opd', actsFor: '33.05' },
      correlationId: `corr-${streamIndex}-${sequence}`,
    },
  }
}

export function actionCompletedBatch(streamIndex: number, fromSequence: number, size: number): BenchEvent[] {
  return Array.from({ length: size }, (_, offset) => actionCompleted(streamIndex, fromSequence + offset))
}
