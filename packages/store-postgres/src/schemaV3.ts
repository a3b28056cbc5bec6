import { appendEventsFunction } from './appendEventsFunction'
import type { SchemaNames } from './schemaName'

export { IDEMPOTENCY_KEY_REUSED_SQLSTATE } from './appendEventsFunction'

/**
 * Migration 3: an idempotency key keeps a fingerprint of what it stood for
 * (R4), and append_events compares it. The comparison happens right after the
 * key is claimed, in the same transaction: of two concurrent appends with one
 * key, the second waits on the key's unique index until the first commits,
 * then reads its fingerprint, so one is written and the other is refused,
 * never both.
 *
 * The function gains the fingerprint as a last argument with a default of
 * null, and the ten-argument version is dropped (two candidates would make a
 * ten-argument call ambiguous). A caller that passes no fingerprint (a library
 * from before this migration, during a rolling upgrade) is not compared, and
 * a key recorded before this migration has a null fingerprint and keeps
 * returning its first result to everyone, as it did.
 */
export function schemaV3(names: SchemaNames): string[] {
  const { q } = names
  const keys = q('idempotency_keys')
  return [
    `alter table ${keys} add column fingerprint text`,
    `drop function ${q('append_events')}(text, text, text, text, text[], text[], integer[], text[], text[], boolean)`,
    appendEventsFunction(names, {
      declarations: '',
      take: `       -- The read barrier (readHorizon.ts) relies on this order. First post a
       -- lower bound of every position this append can get (the sequence only
       -- grows), as a shared advisory lock readers see in pg_locks; then take
       -- the lock that lists this transaction as a writer until it ends; only
       -- then take positions.
       select case when s.is_called then s.last_value + 1 else s.last_value end into v_lowest from ${q('event_position')} s;
       perform pg_advisory_xact_lock_shared(v_lowest);
       lock table ${q('events')} in row exclusive mode;
`,
      ofEvent: `         v_positions[i] := nextval('${q('event_position')}');
`,
    }),
  ]
}
