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
  return undefined
}
