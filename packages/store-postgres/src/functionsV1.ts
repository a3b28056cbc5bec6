import { GENESIS_HASH } from '@kerjasama/core/adapter'
import type { SchemaNames } from './schemaName'

/** SQLSTATE raised by append_events when the expected version does not match; mapped to ConcurrencyError. */
export const VERSION_CONFLICT_SQLSTATE = 'KJ409'

/**
 * Migration 1, continued: the server-side functions. Every store operation is
 * ONE call of one of these, so an append is one round trip, and each of them
 * starts by entering the tenant scope: the settings row-level security reads,
 * then `set local role` to the app role so those policies really apply.
 */
export function functionsV1({ appRole, channel, q }: SchemaNames): string[] {
  const events = q('events')
  const streams = q('streams')
  const keys = q('idempotency_keys')
  return [
    `create function ${q('enter_scope')}(p_write_tenant text, p_read_tenants text) returns void
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       perform set_config('kerjasama.write_tenant', p_write_tenant, true);
       perform set_config('kerjasama.read_tenants', p_read_tenants, true);
       set local role "${appRole}";
     end $fn$`,

    `create function ${q('append_events')}(
       p_tenant text, p_stream_id text, p_expected text, p_idempotency_key text,
       p_ids text[], p_types text[], p_schema_versions integer[], p_data text[], p_metadata text[], p_notify boolean)
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
     begin
       perform ${q('enter_scope')}(p_tenant, p_tenant);
       if p_idempotency_key is not null then
         -- Claiming the key first makes a concurrent append with the same key
         -- wait for this one, then see its result instead of writing twice (R4).
         insert into ${keys} (tenant, key, stream_id) values (p_tenant, p_idempotency_key, p_stream_id)
           on conflict do nothing;
         if not found then
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
       -- The read barrier (readHorizon.ts) relies on this order. First post a
       -- lower bound of every position this append can get (the sequence only
       -- grows), as a shared advisory lock readers see in pg_locks; then take
       -- the lock that lists this transaction as a writer until it ends; only
       -- then take positions.
       select case when s.is_called then s.last_value + 1 else s.last_value end into v_lowest from ${q('event_position')} s;
       perform pg_advisory_xact_lock_shared(v_lowest);
       lock table ${events} in row exclusive mode;
       for i in 1 .. v_count loop
         v_versions[i] := v_version + i;
         -- Must equal hashInput() in @kerjasama/core/integrity.ts byte for byte.
         v_hash := encode(sha256(convert_to(concat_ws(E'\\n', v_hash, p_tenant, p_stream_id, (v_version + i)::text,
                     p_ids[i], p_types[i], p_schema_versions[i]::text, p_data[i], p_metadata[i]), 'UTF8')), 'hex');
         v_hashes[i] := v_hash;
         v_positions[i] := nextval('${q('event_position')}');
       end loop;
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
     end $fn$`,

    `create function ${q('read_stream')}(p_read_tenants text, p_tenant text, p_stream_id text, p_from_version integer, p_to_version integer, p_limit integer)
     returns table (event_position bigint, tenant text, stream_id text, version integer, event_id text, type text, schema_version integer, data text, metadata text, hash text)
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       perform ${q('enter_scope')}(null, p_read_tenants);
       -- EXECUTE plans each call with the actual values, and the walk in index
       -- order is forced: on a table whose statistics lag (a bulk load,
       -- autovacuum not yet run) the planner otherwise reads the whole range
       -- through a bitmap and sorts it, for every batch.
       perform set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true);
       return query execute 'select e.position, e.tenant, e.stream_id, e.version, e.event_id, e.type, e.schema_version, e.data::text, e.metadata::text, e.hash
         from ${events} e
         where e.tenant = $1 and e.stream_id = $2 and e.version between $3 and $4
         order by e.version limit $5' using p_tenant, p_stream_id, p_from_version, p_to_version, p_limit;
     end $fn$`,

    `create function ${q('read_all')}(p_read_tenants text, p_from_position bigint, p_to_position bigint, p_limit integer)
     returns table (event_position bigint, tenant text, stream_id text, version integer, event_id text, type text, schema_version integer, data text, metadata text, hash text)
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       perform ${q('enter_scope')}(null, p_read_tenants);
       -- See read_stream: index order, planned with the actual values.
       perform set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true);
       return query execute 'select e.position, e.tenant, e.stream_id, e.version, e.event_id, e.type, e.schema_version, e.data::text, e.metadata::text, e.hash
         from ${events} e
         where e.position between $1 and $2
         order by e.position limit $3' using p_from_position, p_to_position, p_limit;
     end $fn$`,

    `create function ${q('read_chains')}(p_read_tenants text, p_stream_id text, p_after_tenant text, p_after_stream text, p_after_version integer, p_limit integer)
     returns table (event_position bigint, tenant text, stream_id text, version integer, event_id text, type text, schema_version integer, data text, metadata text, hash text)
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       perform ${q('enter_scope')}(null, p_read_tenants);
       return query select e.position, e.tenant, e.stream_id, e.version, e.event_id, e.type, e.schema_version, e.data::text, e.metadata::text, e.hash
         from ${events} e
         where (p_stream_id is null or e.stream_id = p_stream_id)
           and (e.tenant, e.stream_id, e.version) > (p_after_tenant, p_after_stream, p_after_version)
         order by e.tenant, e.stream_id, e.version limit p_limit;
     end $fn$`,

    // Runs as the caller: it reads no tenant's data, only the sequence and pg_locks.
    `create function ${q('read_horizon')}() returns table (horizon bigint, in_flight integer, unposted integer, lowest_in_flight bigint)
     language plpgsql as $fn$
     #variable_conflict use_column
     declare
       v_horizon bigint;
     begin
       -- Order matters: the sequence first, then the lock holders (readHorizon.ts says why).
       select case when s.is_called then s.last_value else 0 end into v_horizon from ${q('event_position')} s;
       return query
         -- Materialized: pg_locks is read once, so both lock kinds come from one consistent look.
         with locks as materialized (
           select l.locktype, l.relation, l.mode, l.virtualtransaction, l.classid, l.objid, l.objsubid
           from pg_locks l
           where l.granted and l.pid is distinct from pg_backend_pid()
             and l.database = (select d.oid from pg_database d where d.datname = current_database())
         ), writers as (
           select distinct w.virtualtransaction from locks w
           where w.locktype = 'relation' and w.relation = '${events}'::regclass and w.mode = 'RowExclusiveLock'
         ), posted as (
           select a.virtualtransaction, min((a.classid::bigint << 32) | a.objid::bigint) as first_position
           from locks a
           where a.locktype = 'advisory' and a.objsubid = 1 and a.virtualtransaction in (select virtualtransaction from writers)
           group by a.virtualtransaction
         )
         select v_horizon,
                (select count(*) from writers)::integer,
                (select count(*) from writers w where not exists (select from posted p where p.virtualtransaction = w.virtualtransaction))::integer,
                (select min(p.first_position) from posted p);
     end $fn$`,
  ]
}
