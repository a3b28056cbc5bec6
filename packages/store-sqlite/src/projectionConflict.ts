import { KerjasamaError } from '@kerjasama/core'

/**
 * Another process committed the same projection while this transaction's work
 * ran. Nothing of this transaction was written; the runner should re-read the
 * checkpoint and apply from there (two runners of one projection on one file
 * is a deployment mistake, and this is how it shows instead of applying a
 * batch twice).
 */
export class ProjectionConflict extends KerjasamaError {
  constructor(projection: string) {
    super(
      'PROJECTION_CONFLICT',
      {
        id: `Proyeksi ${projection} diubah oleh proses lain selama transaksi ini; tidak ada yang disimpan`,
        en: `Projection ${projection} was committed by another process during this transaction; nothing was written`,
      },
      { projection },
    )
  }
}
