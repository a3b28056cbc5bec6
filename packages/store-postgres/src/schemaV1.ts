import type { SchemaNames } from './schemaName'

/**
 * Migration 1: the tables, the app role and row-level security.
 *
 * data and metadata are `json`, not `jsonb`: json keeps the exact text the
 * library hashed (R11), while jsonb would reorder keys and break the chain.
 * A person with psql still reads them as JSON and can use ->> on them.
 */
export function schemaV1({ schema, appRole, q }: SchemaNames): string[] {
  const role = `"${appRole}"`
  const readable = `tenant = any (string_to_array(current_setting('kerjasama.read_tenants', true), chr(31)))`
  const writable = `tenant = current_setting('kerjasama.write_tenant', true)`
  const tables = ['events', 'streams', 'idempotency_keys', 'documents', 'checkpoints']
  return [
    // A NOLOGIN role that owns nothing: superusers and table owners bypass
    // row-level security, so every store transaction switches to this role.
    `do $$ begin
       if not exists (select from pg_roles where rolname = '${appRole}') then create role ${role} nologin; end if;
     exception when duplicate_object or unique_violation then null;
     end $$`,
    `do $$ begin
       if not pg_has_role(current_user, '${appRole}', 'member') then execute 'grant ${role} to ' || quote_ident(current_user); end if;
     end $$`,
    // CACHE 1 (the default) keeps nextval monotonic across sessions, which the
    // read barrier in readHorizon.ts relies on.
    `create sequence ${q('event_position')} as bigint cache 1 no cycle`,
    `create table ${q('events')} (
       position bigint primary key,
       tenant text not null,
       stream_id text not null,
       version integer not null,
       event_id text not null,
       type text not null,
       schema_version integer not null,
       data json not null,
       metadata json not null,
       hash text not null,
       constraint events_stream_version unique (tenant, stream_id, version)
     )`,
    `create unique index events_event_id on ${q('events')} (event_id)`,
    `create table ${q('streams')} (
       tenant text not null,
       stream_id text not null,
       version integer not null,
       last_hash text not null,
       primary key (tenant, stream_id)
     )`,
    `create table ${q('idempotency_keys')} (
       tenant text not null,
       key text not null,
       stream_id text not null,
       next_expected_version integer,
       first_position bigint,
       last_position bigint,
       primary key (tenant, key)
     )`,
    `create table ${q('documents')} (
       tenant text not null,
       collection text not null,
       id text not null,
       document json not null,
       primary key (tenant, collection, id)
     )`,
    `create table ${q('checkpoints')} (
       tenant text not null,
       projection text not null,
       position bigint not null,
       primary key (tenant, projection)
     )`,
    `grant usage on schema "${schema}" to ${role}`,
    `grant usage, select on sequence ${q('event_position')} to ${role}`,
    `grant select, insert, update on ${q('events')}, ${q('streams')}, ${q('idempotency_keys')} to ${role}`,
    `grant select, insert, update, delete on ${q('documents')}, ${q('checkpoints')} to ${role}`,
    ...tables.flatMap((table) => [
      `alter table ${q(table)} enable row level security`,
      `create policy tenant_read on ${q(table)} for select using (${readable})`,
      `create policy tenant_insert on ${q(table)} for insert with check (${writable})`,
      `create policy tenant_update on ${q(table)} for update using (${writable}) with check (${writable})`,
      `create policy tenant_delete on ${q(table)} for delete using (${writable})`,
    ]),
  ]
}
