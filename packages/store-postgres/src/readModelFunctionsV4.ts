import type { SchemaNames } from './schemaName'

/**
 * Migration 4, continued. put_document and delete_document run inside a
 * projection transaction (the scope is entered already): a document and its
 * index entries change in one round trip, in order (the old entries go before
 * the new ones are written). The lease functions are single calls, scoped
 * like every other read, and judge expiry by the server's clock (now()), so
 * app instances on different machines agree on who holds a lease.
 */
export function readModelFunctionsV4({ q }: SchemaNames): string[] {
  const documents = q('documents')
  const index = q('document_index')
  const leases = q('leases')
  return [
    `create function ${q('put_document')}(p_tenant text, p_collection text, p_id text, p_document text, p_fields text[], p_keys text[], p_ordered boolean[])
     returns void
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       insert into ${documents} (tenant, collection, id, document) values (p_tenant, p_collection, p_id, p_document::json)
         on conflict (tenant, collection, id) do update set document = excluded.document;
       delete from ${index} i where i.tenant = p_tenant and i.collection = p_collection and i.id = p_id;
       insert into ${index} (tenant, collection, field, value_key, id, ordered)
         select p_tenant, p_collection, e.field, e.value_key, p_id, e.ordered from unnest(p_fields, p_keys, p_ordered) as e(field, value_key, ordered);
     end $fn$`,
    `create function ${q('delete_document')}(p_tenant text, p_collection text, p_id text)
     returns void
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       delete from ${documents} d where d.tenant = p_tenant and d.collection = p_collection and d.id = p_id;
       delete from ${index} i where i.tenant = p_tenant and i.collection = p_collection and i.id = p_id;
     end $fn$`,
    `create function ${q('acquire_lease')}(p_tenant text, p_name text, p_holder text, p_ttl_ms bigint) returns boolean
     language plpgsql as $fn$
     #variable_conflict use_column
     declare
       v_holder text;
     begin
       perform ${q('enter_scope')}(p_tenant, p_tenant);
       insert into ${leases} as l (tenant, name, holder, expires_at) values (p_tenant, p_name, p_holder, now() + p_ttl_ms * interval '1 millisecond')
         on conflict (tenant, name) do update set holder = excluded.holder, expires_at = excluded.expires_at
           where l.holder = excluded.holder or l.expires_at <= now()
         returning l.holder into v_holder;
       return v_holder is not null;
     end $fn$`,
    `create function ${q('release_lease')}(p_tenant text, p_name text, p_holder text) returns boolean
     language plpgsql as $fn$
     #variable_conflict use_column
     declare
       v_count integer;
     begin
       perform ${q('enter_scope')}(p_tenant, p_tenant);
       delete from ${leases} l where l.tenant = p_tenant and l.name = p_name and l.holder = p_holder and l.expires_at > now();
       get diagnostics v_count = row_count;
       return v_count = 1;
     end $fn$`,
    `create function ${q('read_lease')}(p_tenant text, p_name text) returns table (holder text, expires_at timestamptz)
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       perform ${q('enter_scope')}(p_tenant, p_tenant);
       return query select l.holder, l.expires_at from ${leases} l where l.tenant = p_tenant and l.name = p_name and l.expires_at > now();
     end $fn$`,
  ]
}
