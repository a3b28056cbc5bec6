import type { SchemaNames } from './schemaName'

/**
 * Migration 2: events are immutable to the app role. Migration 1 granted
 * UPDATE on `events` with the other event tables, yet no store function
 * rewrites an event; the grant only let a bug or a stray statement on the
 * application's connection edit a legal record (which `verify` would then
 * report, R11). Now the database refuses it: the app role may read and insert
 * events, nothing else. The stream heads and idempotency keys keep UPDATE,
 * which every append needs.
 */
export function schemaV2({ appRole, q }: SchemaNames): string[] {
  const role = `"${appRole}"`
  return [
    `revoke update, delete, truncate on ${q('events')} from ${role}`,
    `drop policy if exists tenant_update on ${q('events')}`,
    `drop policy if exists tenant_delete on ${q('events')}`,
  ]
}
