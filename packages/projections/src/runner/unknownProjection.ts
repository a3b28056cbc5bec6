import { KerjasamaError } from '@kerjasama/core'

/** A runner was asked about a projection it was not given. */
export class ProjectionUnknown extends KerjasamaError {
  constructor(projection: string, known: readonly string[]) {
    super(
      'PROJECTION_UNKNOWN',
      {
        id: `Proyeksi ${projection} tidak dikenal oleh pelaksana ini (yang dikenal: ${known.join(', ')})`,
        en: `Projection ${projection} is not known to this runner (known: ${known.join(', ')})`,
      },
      { projection, known: [...known] },
    )
  }
}
