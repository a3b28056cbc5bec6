import type { SchemaNames } from './schemaName'

/** Migration 1, read models: single-call reads outside a projection transaction, scoped like every other read. */
export function readModelFunctionsV1({ q }: SchemaNames): string[] {
  return [
    `create function ${q('read_documents')}(p_tenant text, p_collection text, p_id text)
     returns table (id text, document text)
     language plpgsql as $fn$
     #variable_conflict use_column
     begin
       perform ${q('enter_scope')}(p_tenant, p_tenant);
       return query select d.id, d.document::text from ${q('documents')} d
         where d.collection = p_collection and (p_id is null or d.id = p_id);
     end $fn$`,
    `create function ${q('read_checkpoint')}(p_tenant text, p_projection text) returns bigint
     language plpgsql as $fn$
     #variable_conflict use_column
     declare
       v_position bigint;
     begin
       perform ${q('enter_scope')}(p_tenant, p_tenant);
       select c.position into v_position from ${q('checkpoints')} c where c.projection = p_projection;
       return coalesce(v_position, 0);
     end $fn$`,
  ]
}
