import { z } from 'zod'
import { findUrusan, parseOrThrow } from '@kerjasama/core'
import type { IndexValue, ReadModelReader } from '@kerjasama/core'
import type { Stage } from '../register/registerEntry'
import { MATRIX_COLLECTION } from './urusanMatrixProjection'
import type { MatrixCell } from './urusanMatrixProjection'

export const matrixQuerySchema = z.strictObject({
  /** One region's row (a kabupaten/kota or the province itself). */
  region: z.string().trim().min(1).max(10).optional(),
  /** Every region of a province ("33"): its kabupaten/kota and the province. */
  province: z.string().regex(/^\d{2}$/).optional(),
})
export type MatrixQuery = z.input<typeof matrixQuerySchema>

export type UrusanMatrix = {
  /** The urusan that appear, in code order, with their names. */
  urusan: Array<{ code: string; name: string }>
  /** One row per region, in code order. */
  rows: Array<{ region: string; cells: Record<string, { counts: Partial<Record<Stage, number>>; total: number }>; total: number }>
}

/** The pemetaan urusan: for a region, or across a province's kabupaten/kota, how many agreements per urusan in each stage. */
export async function queryUrusanMatrix(reader: ReadModelReader, query: MatrixQuery = {}): Promise<UrusanMatrix> {
  const valid = parseOrThrow(matrixQuerySchema, query, { id: 'saringan matriks urusan', en: 'urusan matrix filter' })
  const where: Record<string, IndexValue> = {}
  if (valid.region !== undefined) where.region = valid.region
  if (valid.province !== undefined) where.province = valid.province
  const cells: MatrixCell[] = []
  let after: string | undefined
  do {
    const page = await reader.query(MATRIX_COLLECTION, { where, limit: 500, ...(after === undefined ? {} : { after }) })
    cells.push(...page.items.map((item) => item.document as unknown as MatrixCell))
    after = page.next
  } while (after !== undefined)
  const urusan = [...new Set(cells.map((cell) => cell.urusan))].sort(compareCodes).map((code) => ({ code, name: findUrusan(code)?.name ?? code }))
  const byRegion = new Map<string, UrusanMatrix['rows'][number]>()
  for (const cell of cells) {
    const row = byRegion.get(cell.region) ?? { region: cell.region, cells: {}, total: 0 }
    row.cells[cell.urusan] = { counts: cell.counts, total: cell.total }
    row.total += cell.total
    byRegion.set(cell.region, row)
  }
  return { urusan, rows: [...byRegion.values()].sort((a, b) => compareCodes(a.region, b.region)) }
}

/** "2.9" before "2.17": codes compare part by part, as numbers. */
function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let index = 0; index < Math.max(pa.length, pb.length); index += 1) {
    const difference = (pa[index] ?? -1) - (pb[index] ?? -1)
    if (difference !== 0) return difference
  }
  return a.localeCompare(b)
}
