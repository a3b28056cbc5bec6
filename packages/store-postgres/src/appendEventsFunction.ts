import { GENESIS_HASH } from '@kerjasama/core/adapter'
import { VERSION_CONFLICT_SQLSTATE } from './functionsV1'
import type { SchemaNames } from './schemaName'

/** SQLSTATE raised by append_events when a key comes back with another fingerprint; mapped to IdempotencyKeyReused. */
export const IDEMPOTENCY_KEY_REUSED_SQLSTATE = 'KJ422'

/**
 * How an append takes its global positions: the statements that run after
 * the version check and before the per-event loop (`take`), the assignment
 * of the i-th position inside the loop (`ofEvent`), and any variables they
 * need (`declarations`). Migrations 3 and 6 differ only here.
 */
export type PositionAllocation = { declarations: string; take: string; ofEvent: string }

/** How migrations 3 and 6 enter the tenant's scope: a call of enter_scope (functionsV1.ts). */
const CALL_ENTER_SCOPE = (q: SchemaNames['q']): string => `       perform ${q('enter_scope')}(p_tenant, p_tenant);
`

/**
 * The text of `append_events` (migration 3's signature), with its position
 * allocation and the statements that enter the tenant's scope (by default a
 * call of enter_scope, as in migrations 3 and 6).
 */
export function appendEventsFunction({ channel, q }: SchemaNames, positions: PositionAllocation, enterScope: string = CALL_ENTER_SCOPE(q)): string {
  const events = q('events')
  const streams = q('streams')
  const keys = q('idempotency_keys')
  return `create function ${q('append_events')}(
       p_tenant text, p_stream_id text, p_expected text, p_idempotency_key text,
       p_ids text[], p_types text[], p_schema_versions integer[], p_data text[], p_metadata text[], p_notify boolean,
       p_fingerprint text default null)
     returns table (stream_id text, first_position bigint, last_position bigint, next_expected_version integer, duplicate boolean)
     language plpgsql as $fn$
     #variable_conflict use_column
     declare
       v_count integer := cardinality(p_ids);
       v_version integer;
       v_hash text;
       v_positions bigint[] := '{}';
       v_versions integer[] := '{}';
       v_hashes text[] := '{}';
       v_lowest bigint;
       v_recorded text;
${positions.declarations}     begin
${enterScope}       if p_idempotency_key is not null then
         -- Claiming the key first makes a concurrent append with the same key
         -- wait for this one, then see its result instead of writing twice (R4).
         insert into ${keys} (tenant, key, stream_id, fingerprint) values (p_tenant, p_idempotency_key, p_stream_id, p_fingerprint)
           on conflict do nothing;
         if not found then
           select k.fingerprint into v_recorded from ${keys} k where k.tenant = p_tenant and k.key = p_idempotency_key;
           if v_recorded is not null and p_fingerprint is not null and v_recorded <> p_fingerprint then
             raise exception using errcode = '${IDEMPOTENCY_KEY_REUSED_SQLSTATE}', message = 'idempotency key reused';
           end if;
           return query select k.stream_id, k.first_position, k.last_position, k.next_expected_version, true
             from ${keys} k where k.tenant = p_tenant and k.key = p_idempotency_key;
           return;
         end if;
       end if;
       select s.version, s.last_hash into v_version, v_hash from ${streams} s
         where s.tenant = p_tenant and s.stream_id = p_stream_id for update;
       if not found then
         insert into ${streams} (tenant, stream_id, version, last_hash) values (p_tenant, p_stream_id, 0, '${GENESIS_HASH}')
           on conflict do nothing;
         select s.version, s.last_hash into v_version, v_hash from ${streams} s
           where s.tenant = p_tenant and s.stream_id = p_stream_id for update;
       end if;
       if not (p_expected = 'any'
               or (p_expected = 'none' and v_version = 0)
               or (p_expected ~ '^[0-9]{1,15}$' and p_expected::bigint = v_version)) then
         raise exception using errcode = '${VERSION_CONFLICT_SQLSTATE}', message = 'stream version conflict', detail = v_version::text;
       end if;
${positions.take}       for i in 1 .. v_count loop
         v_versions[i] := v_version + i;
         -- Must equal hashInput() in @kerjasama/core/integrity.ts byte for byte.
         v_hash := encode(sha256(convert_to(concat_ws(E'\\n', v_hash, p_tenant, p_stream_id, (v_version + i)::text,
                     p_ids[i], p_types[i], p_schema_versions[i]::text, p_data[i], p_metadata[i]), 'UTF8')), 'hex');
         v_hashes[i] := v_hash;
${positions.ofEvent}       end loop;
       insert into ${events} (position, tenant, stream_id, version, event_id, type, schema_version, data, metadata, hash)
         select u.position, p_tenant, p_stream_id, u.version, u.event_id, u.type, u.schema_version, u.data::json, u.metadata::json, u.hash
         from unnest(v_positions, v_versions, p_ids, p_types, p_schema_versions, p_data, p_metadata, v_hashes)
           as u(position, version, event_id, type, schema_version, data, metadata, hash);
       update ${streams} set version = v_version + v_count, last_hash = v_hash
         where tenant = p_tenant and stream_id = p_stream_id;
       if p_idempotency_key is not null then
         update ${keys} set next_expected_version = v_version + v_count, first_position = v_positions[1], last_position = v_positions[v_count]
           where tenant = p_tenant and key = p_idempotency_key;
       end if;
       if p_notify then
         -- Delivered at commit only; the payload names the tenant and position, never the data.
         perform pg_notify('${channel}', p_tenant || chr(31) || v_positions[v_count]::text);
       end if;
       return query select p_stream_id, v_positions[1], v_positions[v_count], v_version + v_count, false;
     end $fn$`
}
