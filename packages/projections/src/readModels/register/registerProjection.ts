import { evolve, initialState } from '@kerjasama/core'
import { defineProjection } from '../../projection'
import { agreementDocumentId, agreementRecordOf } from '../agreementEvents'
import { datesOf } from '../eventDates'
import { REGISTER_COLLECTION, registerEntryOf, registerIndexes } from './registerEntry'
import type { RegisterEntry } from './registerEntry'

/**
 * The agreement register: one entry per agreement, folded by core's own
 * `evolve`, so the register can never disagree with what the guards decide.
 */
export const registerProjection = defineProjection({
  name: 'register',
  version: 1,
  collections: registerIndexes,
  async apply(stored, tx) {
    const record = agreementRecordOf(stored)
    if (record === undefined) return
    const id = agreementDocumentId(record.tenant, record.agreementId)
    const previous = (await tx.get(REGISTER_COLLECTION, id)) as RegisterEntry | undefined
    const state = evolve(previous?.state ?? initialState, record.event)
    const entry = registerEntryOf({ tenant: record.tenant, agreementId: record.agreementId, version: stored.version, state, dates: datesOf(record.event, stored), previous })
    await tx.put(REGISTER_COLLECTION, id, entry as unknown as Record<string, unknown>)
  },
})
