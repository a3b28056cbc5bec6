import { KerjasamaError } from '@kerjasama/core'

/**
 * The file was migrated by a newer Kerjasama than this one. Writing to it
 * with the older code could break rules the newer schema relies on, so the
 * store refuses to open it instead.
 */
export class SchemaTooNew extends KerjasamaError {
  constructor(fileVersion: number, knownVersion: number) {
    super(
      'STORE_SCHEMA_TOO_NEW',
      {
        id: `Skema berkas versi ${fileVersion} lebih baru daripada yang dikenal pustaka ini (${knownVersion}); perbarui Kerjasama`,
        en: `The file's schema version ${fileVersion} is newer than this library knows (${knownVersion}); upgrade Kerjasama`,
      },
      { fileVersion, knownVersion },
    )
  }
}
