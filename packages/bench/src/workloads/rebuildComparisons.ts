import { AGREEMENT_STREAM_PREFIX, parseAgreementEvent } from '@kerjasama/core'
import { defineProjection, registerIndexes, registerProjection } from '@kerjasama/projections'
import type { Projection } from '@kerjasama/projections'

/**
 * Projections rebuilt beside the register in the scale run, over the same
 * log, to show where the rebuild's time goes against the readAll rate: the
 * runner alone, the parse every built-in read model makes of each event
 * (storage is a boundary), and the register with no indexed field, which is
 * what the register would cost with no filter at all. They answer whether
 * the half-of-readAll target is a matter of the register's filters.
 */
export const REBUILD_COMPARISONS = {
  nothing: defineProjection({ name: 'scale-nothing', version: 1, async apply() {} }),
  parse: defineProjection({
    name: 'scale-parse',
    version: 1,
    async apply(stored) {
      if (stored.streamId.startsWith(AGREEMENT_STREAM_PREFIX)) parseAgreementEvent(stored.type, stored.schemaVersion, stored.data)
    },
  }),
  registerUnindexed: defineProjection({
    ...registerProjection,
    name: 'scale-register-unindexed',
    collections: Object.fromEntries(Object.keys(registerIndexes).map((collection) => [collection, { indexed: [] }])),
  }),
} satisfies Record<string, Projection>

export type RebuildComparison = keyof typeof REBUILD_COMPARISONS

export const REBUILD_COMPARISON_LABELS: Record<RebuildComparison, string> = {
  nothing: 'a projection that does nothing (the runner and readAll)',
  parse: 'a projection that parses each event through its schema, as every built-in read model does',
  registerUnindexed: 'the register with no indexed field (no filter at all)',
}
