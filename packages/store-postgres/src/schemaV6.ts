import { appendEventsFunction } from './appendEventsFunction'
import type { PositionAllocation } from './appendEventsFunction'
import type { SchemaNames } from './schemaName'

/** First key of the session lock under which appends take their positions; the second is the schema's hash. */
const POSITIONS_LOCK_CLASS = 0x4b4a5031 // "KJP1"

/**
 * Migration 6: an append takes its positions as one contiguous block, and the
 * sequence moves from the previous block's end to this block's end in one
 * step (R1 on PostgreSQL).
 *
 * Why: until now each event took its own nextval, so two appends could
 * interleave their positions, and a reader that read the sequence between an
 * append's first and last nextval got a horizon (readHorizon.ts) inside that
 * append. If the append then committed before the reader looked at pg_locks,
 * the horizon was settled and the reader delivered the first event of the
 * append without the rest: a readAll that ended in the middle of an append.
 * Now the sequence's value, read by anyone at any moment, is the end of a
 * whole append, and so is every horizon and every posted lower bound.
 *
 * Writers take the block in turn under a session-level advisory lock held
 * only for the read and the setval — not to commit, so appends still commit
 * in parallel. A session lock outlives an error, so the block that holds it
 * releases it on every error before re-raising; the two-int key (objsubid 2)
 * keeps it out of the bounds read_horizon reads (objsubid 1). The app role
 * gains UPDATE on the sequence, which setval needs.
 */
export function schemaV6(names: SchemaNames): string[] {
  const { appRole, q } = names
  return [
    `grant update on sequence ${q('event_position')} to "${appRole}"`,
    `drop function ${q('append_events')}(text, text, text, text, text[], text[], integer[], text[], text[], boolean, text)`,
    appendEventsFunction(names, blockPositions(names)),
  ]
}

/** Migration 6's allocation of one contiguous block of positions per append; migration 7 keeps it unchanged. */
export function blockPositions({ schema, q }: SchemaNames): PositionAllocation {
  const sequence = q('event_position')
  const lockKey = `${POSITIONS_LOCK_CLASS}, hashtext('${schema}')`
  return {
      declarations: `       v_first bigint;
`,
      take: `       -- The read barrier (readHorizon.ts) relies on this order. First post a
       -- lower bound of every position this append can get (the sequence only
       -- grows), as a shared advisory lock readers see in pg_locks; then take
       -- the lock that lists this transaction as a writer until it ends; only
       -- then take positions, as one block (migration 6 says why).
       select case when s.is_called then s.last_value + 1 else s.last_value end into v_lowest from ${sequence} s;
       perform pg_advisory_xact_lock_shared(v_lowest);
       lock table ${q('events')} in row exclusive mode;
       begin
         perform pg_advisory_lock(${lockKey});
         select case when s.is_called then s.last_value + 1 else s.last_value end into v_first from ${sequence} s;
         if v_count > 0 then
           perform setval('${sequence}', v_first + v_count - 1, true);
         end if;
         perform pg_advisory_unlock(${lockKey});
       exception when others then
         if exists (select from pg_locks l where l.locktype = 'advisory' and l.pid = pg_backend_pid() and l.granted
                      and l.objsubid = 2 and l.classid::bigint = ${POSITIONS_LOCK_CLASS} and l.objid::bigint = (hashtext('${schema}')::bigint & 4294967295)) then
           perform pg_advisory_unlock(${lockKey});
         end if;
         raise;
       end;
`,
      ofEvent: `         v_positions[i] := v_first + i - 1;
`,
  }
}
