import type { SchemaNames } from './schemaName'

/**
 * Migration 5: snapshots (R18–R21). One row per stream, reducer version and
 * version, with the state as `json` (the exact text the service digested)
 * and the hash of the event it was folded up to. `save_snapshot` replaces
 * the stream's row under the reducer version, whatever its version;
 * `read_snapshot` gives it. Two saves committing at once may each leave
 * their row (neither's delete sees the other's insert): read_snapshot then
 * takes the higher version, and the next save removes both.
 * Each is one call, entering the tenant's scope first like every other
 * function. Row-level security and grants follow migration 1.
 */
export function schemaV5({ appRole, q }: SchemaNames): string[] {
  const role = `"${appRole}"`
  const readable = `tenant = any (string_to_array(current_setting('kerjasama.read_tenants', true), chr(31)))`
  const writable = `tenant = current_setting('kerjasama.write_tenant', true)`
  const snapshots = q('snapshots')
  return [
    `create table ${snapshots} (
       tenant text not null,
       stream_id text not null,
       reducer_version integer not null,
       version integer not null,
       event_hash text not null,
       state_digest text not null,
       state json not null,
       primary key (tenant, stream_id, reducer_version, version)
     )`,
    `grant select, insert, update, delete on ${snapshots} to ${role}`,
    `alter table ${snapshots} enable row level security`,
    `create policy tenant_read on ${snapshots} for select using (${readable})`,
    `create policy tenant_insert on ${snapshots} for insert with check (${writable})`,
    `create policy tenant_update on ${snapshots} for update using (${writable}) with check (${writable})`,
    `create policy tenant_delete on ${snapshots} for delete using (${writable})`,
    `create function ${q('read_snapshot')}(p_tenant text, p_stream_id text, p_reducer_version integer)
     returns table (version integer, event_hash text, state_digest text, state text)
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       perform ${q('enter_scope')}(p_tenant, p_tenant);
       return query select s.version, s.event_hash, s.state_digest, s.state::text from ${snapshots} s
         where s.tenant = p_tenant and s.stream_id = p_stream_id and s.reducer_version = p_reducer_version
         order by s.version desc limit 1;
     end $fn$`,
    `create function ${q('save_snapshot')}(
       p_tenant text, p_stream_id text, p_reducer_version integer, p_version integer, p_event_hash text, p_state_digest text, p_state text)
     returns void
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       perform ${q('enter_scope')}(p_tenant, p_tenant);
       delete from ${snapshots} s
         where s.tenant = p_tenant and s.stream_id = p_stream_id and s.reducer_version = p_reducer_version;
       insert into ${snapshots} (tenant, stream_id, reducer_version, version, event_hash, state_digest, state)
         values (p_tenant, p_stream_id, p_reducer_version, p_version, p_event_hash, p_state_digest, p_state::json)
         on conflict (tenant, stream_id, reducer_version, version)
         do update set event_hash = excluded.event_hash, state_digest = excluded.state_digest, state = excluded.state;
     end $fn$`,
  ]
}
