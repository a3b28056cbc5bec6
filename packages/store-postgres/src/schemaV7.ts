import { appendEventsFunction } from './appendEventsFunction'
import { blockPositions } from './schemaV6'
import type { SchemaNames } from './schemaName'

const ROW_COLUMNS = `e.position, e.tenant, e.stream_id, e.version, e.event_id, e.type, e.schema_version, e.data::text, e.metadata::text, e.hash`

const READ_RESULT = `returns table (event_position bigint, tenant text, stream_id text, version integer, event_id text, type text, schema_version integer, data text, metadata text, hash text)`

/**
 * Migration 7: the append and the two reads of the command path and the
 * catch-up do less work per call, with the same checks and results.
 *
 * - Each enters the tenant's scope itself (the same settings and `set local
 *   role`, which the row-level security policies read) instead of calling
 *   enter_scope, a second PL/pgSQL function, on every call.
 * - read_stream and read_all run their query as static SQL, so PL/pgSQL
 *   keeps its plan for the session, where EXECUTE planned it again on every
 *   call. The walk in index order stays forced: bitmap scans and sorts are
 *   turned off for the transaction before the query, and a plan cached under
 *   those settings is an index walk whatever the statistics say (the reason
 *   functionsV1 gave for EXECUTE).
 *
 * append_events keeps migration 6's position allocation and everything else
 * byte for byte: only its first statement changes.
 */
export function schemaV7(names: SchemaNames): string[] {
  const { appRole, q } = names
  const events = q('events')
  const role = `set local role "${appRole}";`
  const readScope = `perform set_config('kerjasama.write_tenant', null::text, true), set_config('kerjasama.read_tenants', p_read_tenants, true),
               set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true);
       ${role}`
  return [
    `drop function ${q('append_events')}(text, text, text, text, text[], text[], integer[], text[], text[], boolean, text)`,
    appendEventsFunction(
      names,
      blockPositions(names),
      `       perform set_config('kerjasama.write_tenant', p_tenant, true), set_config('kerjasama.read_tenants', p_tenant, true);
       ${role}
`,
    ),
    `create or replace function ${q('read_stream')}(p_read_tenants text, p_tenant text, p_stream_id text, p_from_version integer, p_to_version integer, p_limit integer)
     ${READ_RESULT}
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       ${readScope}
       return query select ${ROW_COLUMNS}
         from ${events} e
         where e.tenant = p_tenant and e.stream_id = p_stream_id and e.version between p_from_version and p_to_version
         order by e.version limit p_limit;
     end $fn$`,
    `create or replace function ${q('read_all')}(p_read_tenants text, p_from_position bigint, p_to_position bigint, p_limit integer)
     ${READ_RESULT}
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       ${readScope}
       return query select ${ROW_COLUMNS}
         from ${events} e
         where e.position between p_from_position and p_to_position
         order by e.position limit p_limit;
     end $fn$`,
  ]
}
