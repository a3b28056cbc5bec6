import { evolve, evolveInPlace, initialState } from '@kerjasama/core'
import type { AgreementState, ReadModelTransaction } from '@kerjasama/core'
import { defineProjection } from '../../projection'
import { deferrerOf } from '../../runner/deferredWrites'
import { agreementDocumentId, agreementRecordOf } from '../agreementEvents'
import type { AgreementRecord } from '../agreementEvents'
import type { EventDates } from '../eventDates'
import { datesOf } from '../eventDates'
import { REGISTER_COLLECTION, registerEntryOf, registerIndexes, stageDatesAfter } from './registerEntry'
import type { RegisterEntry, StageHistory } from './registerEntry'

/**
 * An agreement being folded within one runner batch: a private copy of its
 * state that evolveInPlace changes event by event, and what the entry needs
 * of the last event. The entry is made from it once, when the batch writes
 * (or reads) the document — the same entry the last event would have written.
 */
type WorkingCopy = { state: AgreementState; before: StageHistory | undefined; after: StageHistory | undefined; version: number; dates: EventDates | undefined }

// Keyed by the batch's transaction, so a batch applied again (after a poison event or a refused write) starts from the stored documents.
const workingCopies = new WeakMap<ReadModelTransaction, Map<string, WorkingCopy>>()

/**
 * The agreement register: one entry per agreement, folded by core's own
 * `evolve` (or `evolveInPlace`, which it is tested equal to), so the
 * register can never disagree with what the guards decide.
 */
export const registerProjection = defineProjection({
  name: 'register',
  // 2: a step that names no day happened on the day it was recorded on the initiating region's clock, no longer the UTC day.
  version: 2,
  collections: registerIndexes,
  async apply(stored, tx) {
    const record = agreementRecordOf(stored)
    if (record === undefined) return
    const id = agreementDocumentId(record.tenant, record.agreementId)
    if (deferrerOf(tx) === undefined) {
      const previous = (await tx.get(REGISTER_COLLECTION, id)) as RegisterEntry | undefined
      const state = evolve(previous?.state ?? initialState, record.event)
      const entry = registerEntryOf({ tenant: record.tenant, agreementId: record.agreementId, version: stored.version, state, dates: datesOf(record.event, stored, state.initiatingRegion), previous })
      await tx.put(REGISTER_COLLECTION, id, entry as unknown as Record<string, unknown>)
      return
    }
    const copy = await workingCopyOf(tx, id, record)
    copy.before = copy.after
    evolveInPlace(copy.state, record.event)
    // After the fold, so an identification dates itself by the region it names.
    const dates = datesOf(record.event, stored, copy.state.initiatingRegion)
    copy.after = { stage: copy.state.status as StageHistory['stage'], stageDates: stageDatesAfter(copy.before, copy.state, dates) }
    copy.version = stored.version
    copy.dates = dates
  },
})

async function workingCopyOf(tx: ReadModelTransaction, id: string, record: AgreementRecord): Promise<WorkingCopy> {
  let copies = workingCopies.get(tx)
  if (copies === undefined) {
    copies = new Map()
    workingCopies.set(tx, copies)
  }
  const known = copies.get(id)
  if (known !== undefined) return known
  const previous = (await tx.get(REGISTER_COLLECTION, id)) as RegisterEntry | undefined
  const copy: WorkingCopy = {
    state: structuredClone(previous?.state ?? initialState),
    before: undefined,
    after: previous === undefined ? undefined : { stage: previous.stage, stageDates: previous.stageDates },
    version: 0,
    dates: undefined,
  }
  const held = copies
  held.set(id, copy)
  ;(deferrerOf(tx) as NonNullable<ReturnType<typeof deferrerOf>>)(REGISTER_COLLECTION, id, () => {
    // Once made, the entry (and the state in it) is frozen: a later event of this batch starts a new copy from it.
    held.delete(id)
    const entry = registerEntryOf({ tenant: record.tenant, agreementId: record.agreementId, version: copy.version, state: copy.state, dates: copy.dates as EventDates, previous: copy.before })
    return entry as unknown as Record<string, unknown>
  })
  return copy
}
