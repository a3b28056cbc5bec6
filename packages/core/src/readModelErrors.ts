import { KerjasamaError } from './errors'

/**
 * A read-model commit found the projection's checkpoint somewhere other than
 * where its batch started (R15): another runner, on this or another process
 * or instance, committed meanwhile. Nothing of this transaction was written;
 * the runner re-reads the checkpoint and applies from there, so no batch is
 * ever applied twice.
 */
export class ProjectionConflict extends KerjasamaError {
  constructor(projection: string) {
    super(
      'PROJECTION_CONFLICT',
      {
        id: `Proyeksi ${projection} sudah dimajukan oleh penulis lain selama transaksi ini; tidak ada yang disimpan`,
        en: `Projection ${projection} was moved on by another writer during this transaction; nothing was written`,
      },
      { projection },
    )
  }
}

/**
 * A read-model query filtered or ordered by a field its collection did not
 * declare as indexed (R14). Such a query is refused rather than answered by
 * reading the whole collection: that would work for a regency's fifty
 * agreements and fall over for a province.
 */
export class ReadModelFieldNotIndexed extends KerjasamaError {
  constructor(collection: string, field: string, indexed: readonly string[]) {
    super(
      'READ_MODEL_FIELD_NOT_INDEXED',
      {
        id: `Kolom ${field} pada koleksi ${collection} tidak diindeks, sehingga tidak dapat dipakai untuk menyaring atau mengurutkan`,
        en: `Field ${field} of collection ${collection} is not indexed, so it cannot filter or order a query`,
      },
      { collection, field, indexed: [...indexed] },
    )
  }
}
