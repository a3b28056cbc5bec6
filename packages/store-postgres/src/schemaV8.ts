import type { SchemaNames } from './schemaName'

/**
 * Migration 8: a projection transaction in fewer round trips, and an updated
 * document's index entries changed only where they changed.
 *
 * A rebuild commits a batch every few milliseconds, and each batch spent
 * about a dozen round trips: the scope, the declarations lock, the
 * checkpoint row (insert, then lock), each collection's declared fields,
 * then per collection the documents, the old index entries and the new ones.
 * Each is a statement planned again and a wake-up on both sides of the
 * socket, on a machine where client and server share the cores.
 *
 * - begin_projection enters the tenant's scope, takes the shared
 *   declarations lock (postgresCollections.ts), makes and locks the
 *   checkpoint row, and gives the checkpoint with the declared fields of the
 *   collections asked for — in that order, as the separate statements did.
 * - write_documents writes one collection's held documents and their
 *   entries (R14). Of a document that was there before, only the entries
 *   that changed are deleted and inserted: a projection that moves one field
 *   of an agreement rewrote all ~21 of its entries. A new document's entries
 *   are inserted without looking, once any its id left behind are gone, as
 *   before. Resolves to the rows written (documents and entries).
 *
 * Both are static SQL, so PL/pgSQL keeps their plans for the session.
 *
 * - Documents are compressed with lz4 where the server has it: a register
 *   entry (~4.7 KB) is over the TOAST threshold, and pglz took half the
 *   time of writing a rebuild batch's documents (1.3 ms against 0.7 ms for
 *   36). Values already stored stay as they are, and read either way; a
 *   server without lz4 (or before PostgreSQL 14) keeps pglz.
 */
export function schemaV8({ appRole, q }: SchemaNames): string[] {
  const documents = q('documents')
  const index = q('document_index')
  const entries = `unnest(p_entry_ids, p_fields, p_keys, p_ordered) as n(id, field, value_key, ordered)`
  const kept = `unnest(v_kept_ids, v_kept_fields, v_kept_keys, v_kept_ordered) as k(id, field, value_key, ordered)`
  return [
    `do $$ begin
       execute 'alter table ${documents} alter column document set compression lz4';
     exception when feature_not_supported or syntax_error then null;
     end $$`,
    `create function ${q('begin_projection')}(p_tenant text, p_projection text, p_declarations_key text, p_collections text[])
     returns table (checkpoint bigint, collection text, indexed text[])
     language plpgsql as $fn$
     #variable_conflict use_column
     declare
       v_checkpoint bigint;
     begin
       perform set_config('kerjasama.write_tenant', p_tenant, true), set_config('kerjasama.read_tenants', p_tenant, true);
       set local role "${appRole}";
       perform pg_advisory_xact_lock_shared(hashtextextended(p_declarations_key, 0));
       insert into ${q('checkpoints')} (tenant, projection, position) values (p_tenant, p_projection, 0) on conflict do nothing;
       select c.position into v_checkpoint from ${q('checkpoints')} c where c.tenant = p_tenant and c.projection = p_projection for update;
       -- One row more than asked, with no collection, so the checkpoint comes back whatever was asked.
       return query select v_checkpoint, k.collection, d.indexed
         from unnest(p_collections || array[null::text]) as k(collection)
         left join ${q('collections')} d on d.tenant = p_tenant and d.collection = k.collection;
     end $fn$`,
    `create function ${q('write_documents')}(
       p_tenant text, p_collection text, p_ids text[], p_documents json, p_removed text[],
       p_entry_ids text[], p_fields text[], p_keys text[], p_ordered boolean[])
     returns integer
     language plpgsql as $fn$
     #variable_conflict use_column
     declare
       v_existing text[];
       v_kept_ids text[];
       v_kept_fields text[];
       v_kept_keys text[];
       v_kept_ordered boolean[];
       v_rows integer;
       v_written integer := cardinality(p_ids) + cardinality(p_removed);
     begin
       select coalesce(array_agg(d.id), '{}') into v_existing from ${documents} d
         where d.tenant = p_tenant and d.collection = p_collection and d.id = any(p_ids);
       insert into ${documents} (tenant, collection, id, document)
         select p_tenant, p_collection, d.id, d.document from rows from (unnest(p_ids), json_array_elements(p_documents)) as d(id, document)
         on conflict (tenant, collection, id) do update set document = excluded.document;
       delete from ${documents} d where d.tenant = p_tenant and d.collection = p_collection and d.id = any(p_removed);
       -- Every entry of a removed or new document goes (a new one may find entries a removed row left behind) ...
       delete from ${index} i
         where i.tenant = p_tenant and i.collection = p_collection and i.id = any(p_ids || p_removed)
           and not exists (select from unnest(v_existing) as e(id) where e.id = i.id);
       get diagnostics v_rows = row_count;
       v_written := v_written + v_rows;
       if cardinality(v_existing) > 0 then
         -- ... and of a document that was there, only the entries the new ones do not repeat exactly, before any
         -- new entry is written. Its new entries are picked out once; the rest of the batch is new documents.
         select coalesce(array_agg(n.id), '{}'), coalesce(array_agg(n.field), '{}'), coalesce(array_agg(n.value_key), '{}'), coalesce(array_agg(n.ordered), '{}')
           into v_kept_ids, v_kept_fields, v_kept_keys, v_kept_ordered
           from ${entries} join unnest(v_existing) as e(id) on e.id = n.id;
         delete from ${index} i using unnest(v_existing) as e(id)
           where i.tenant = p_tenant and i.collection = p_collection and i.id = e.id
             and not exists (select from ${kept} where k.id = i.id and k.field = i.field and k.value_key = i.value_key and k.ordered = i.ordered);
         get diagnostics v_rows = row_count;
         v_written := v_written + v_rows;
         -- What is left of their entries is what the new ones repeat; the rest go in. A set difference, so
         -- both sides are read once and hashed, where a lookup per entry cost nearly what an insert does.
         insert into ${index} (tenant, collection, field, value_key, id, ordered)
           select p_tenant, p_collection, x.field, x.value_key, x.id, x.ordered from (
             select k.field, k.value_key collate "C", k.id collate "C", k.ordered from ${kept}
             except
             select i.field, i.value_key, i.id, i.ordered from ${index} i where i.tenant = p_tenant and i.collection = p_collection and i.id = any(v_existing)
           ) as x(field, value_key, id, ordered);
         get diagnostics v_rows = row_count;
         v_written := v_written + v_rows;
       end if;
       insert into ${index} (tenant, collection, field, value_key, id, ordered)
         select p_tenant, p_collection, n.field, n.value_key, n.id, n.ordered from ${entries}
         where not exists (select from unnest(v_existing) as e(id) where e.id = n.id);
       get diagnostics v_rows = row_count;
       return v_written + v_rows;
     end $fn$`,
  ]
}
