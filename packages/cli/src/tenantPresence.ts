import { isKerjasamaError } from '@kerjasama/core'
import type { LocalizedMessage } from '@kerjasama/core'
import { openAudit } from './openAudit'
import type { OpenedStore } from './openStore'
import type { StoreSelection } from './storeOptions'

/**
 * A file or schema may hold several tenants. When the one asked for has no
 * event there while others do — a mistyped or forgotten --tenant — an empty
 * answer would read as "nothing recorded"; this says which tenants the
 * store holds instead. Read-only, like the command it serves.
 */
export async function absentTenantNotice(selection: StoreSelection, store: OpenedStore, env: NodeJS.ProcessEnv | undefined): Promise<LocalizedMessage | undefined> {
  if (selection.store === 'memory') return undefined
  for await (const _event of store.eventStore.readAll({ batchSize: 1 })) return undefined
  const tenant = store.eventStore.tenant
  let present: string[]
  try {
    present = await tenantsOfStore(selection, env)
  } catch (error) {
    // Listing every tenant needs a role row-level security does not restrict; the app's own role (a member of <schema>_app) is refused it. The notice is a help, never a reason to give no answer.
    if (!isKerjasamaError(error) || error.code !== 'STORE_MISCONFIGURED') throw error
    return { id: `Daerah ${tenant} tidak mempunyai peristiwa dalam penyimpanan ini (periksa --tenant)`, en: `Tenant ${tenant} has no events in this store (check --tenant)` }
  }
  if (present.length === 0 || present.includes(tenant)) return undefined
  return {
    id: `Daerah ${tenant} tidak mempunyai peristiwa dalam penyimpanan ini; yang ada: ${present.join(', ')} (pilih dengan --tenant)`,
    en: `Tenant ${tenant} has no events in this store; it holds ${present.join(', ')} (choose with --tenant)`,
  }
}

async function tenantsOfStore(selection: StoreSelection, env: NodeJS.ProcessEnv | undefined): Promise<string[]> {
  const audit = await openAudit(selection, env)
  try {
    return [...(await audit.tenants())]
  } finally {
    await audit.close()
  }
}
