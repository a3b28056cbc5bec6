import type { SchemaNames } from './schemaName'

/**
 * Migration 4: indexed read-model queries (R14) and projection leases (R16).
 *
 * `document_index` holds one row per document, indexed field and value key
 * (indexKeys.ts in core). value_key and id are collated "C" — byte order,
 * which for UTF-8 is code-point order — so the query order is the same as
 * on SQLite and in memory whatever the database's collation, and the
 * primary key is the btree a filtered or ordered page walks. `documents`
 * gains an index in that order too, for a page with no filter. `leases`
 * keeps an expiry by the server's clock, which every app instance shares.
 * Row-level security and grants follow migration 1.
 */
export function schemaV4({ appRole, q }: SchemaNames): string[] {
  const role = `"${appRole}"`
  const readable = `tenant = any (string_to_array(current_setting('kerjasama.read_tenants', true), chr(31)))`
  const writable = `tenant = current_setting('kerjasama.write_tenant', true)`
  const tables = ['collections', 'document_index', 'leases']
  return [
    `create table ${q('collections')} (
       tenant text not null,
       collection text not null,
       indexed text[] not null,
       primary key (tenant, collection)
     )`,
    `create table ${q('document_index')} (
       tenant text not null,
       collection text not null,
       field text not null,
       value_key text collate "C" not null,
       id text collate "C" not null,
       ordered boolean not null,
       primary key (tenant, collection, field, value_key, id)
     )`,
    `create index document_index_by_document on ${q('document_index')} (tenant, collection, id)`,
    `create index documents_in_id_order on ${q('documents')} (tenant, collection, (id collate "C"))`,
    `create table ${q('leases')} (
       tenant text not null,
       name text not null,
       holder text not null,
       expires_at timestamptz not null,
       primary key (tenant, name)
     )`,
    `grant select, insert, update, delete on ${q('collections')}, ${q('document_index')}, ${q('leases')} to ${role}`,
    ...tables.flatMap((table) => [
      `alter table ${q(table)} enable row level security`,
      `create policy tenant_read on ${q(table)} for select using (${readable})`,
      `create policy tenant_insert on ${q(table)} for insert with check (${writable})`,
      `create policy tenant_update on ${q(table)} for update using (${writable}) with check (${writable})`,
      `create policy tenant_delete on ${q(table)} for delete using (${writable})`,
    ]),
  ]
}
