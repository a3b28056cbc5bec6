import type { KerjasamaError, LocalizedMessage } from '@kerjasama/core'
import { isOlderStore } from './openStore'

/** What to do next, where the CLI knows better than the adapter's message, which speaks of options the CLI user never sees. */
export function failureHint(error: KerjasamaError): LocalizedMessage | undefined {
  if (isOlderStore(error)) {
    return {
      id: 'Perintah baca tidak memigrasikan; `kerjasama rebuild` membuka penyimpanan untuk menulis, memigrasikannya, dan memutakhirkan model baca',
      en: 'Read commands do not migrate; `kerjasama rebuild` opens the store for writing, migrates it and brings the read models up to date',
    }
  }
  // Version 0 is an empty file or a schema without Kerjasama's tables: most likely the wrong --db or --schema, which "open it for writing" would turn into a new, empty store.
  if (error.code === 'STORE_SCHEMA_TOO_OLD' && error.details.foundVersion === 0) {
    return {
      id: 'Berkas atau skema ini tidak memuat penyimpanan Kerjasama (kosong, atau tanpa tabelnya): periksa --db atau --schema. `kerjasama serve` membuat penyimpanan baru; perintah baca dan `kerjasama rebuild` tidak pernah membuatnya',
      en: 'This file or schema holds no Kerjasama store (it is empty, or has none of its tables): check --db or --schema. `kerjasama serve` creates a new store; the read commands and `kerjasama rebuild` never do',
    }
  }
  return undefined
}
