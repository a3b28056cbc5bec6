import { resolve } from 'node:path'
import type { Language } from './language'
import type { StoreSelection } from './storeOptions'

/** Which store a command works on, as its first line says; never the connection string, which may hold a password. */
export function storeDescription(selection: StoreSelection, language: Language, tenant?: string): string {
  const [schemaWord, tenantWord] = language === 'en' ? ['schema', 'tenant'] : ['skema/schema', 'daerah/tenant']
  const file = selection.file === ':memory:' ? ':memory:' : resolve(selection.file)
  const store = selection.store === 'sqlite' ? `sqlite ${file}` : selection.store === 'postgres' ? `postgres, ${schemaWord} ${selection.schema}` : 'memory'
  return tenant === undefined ? store : `${store}, ${tenantWord} ${tenant}`
}
