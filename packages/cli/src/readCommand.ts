import { regionToday } from '@kerjasama/core'
import type { CommandContext } from './command'
import { openStoreForReading } from './openStore'
import type { OpenedStore } from './openStore'
import { freshnessNotices } from './readModelFreshness'
import { absentTenantNotice } from './tenantPresence'

/**
 * Opens the store read-only for a read command, prints on stderr whatever
 * makes the answer incomplete (a tenant the store does not hold, read models
 * never built, stopped or behind) and closes the store afterwards, whatever
 * happens.
 */
export async function withReadOnlyStore<T>(context: CommandContext, projections: readonly string[], work: (store: OpenedStore) => Promise<T>): Promise<T> {
  const store = await openStoreForReading(context.selection, context.io.env)
  try {
    const absent = await absentTenantNotice(context.selection, store, context.io.env)
    const notices = absent === undefined ? await freshnessNotices(store, projections) : [absent]
    for (const notice of notices) for (const line of context.wording.lines(notice)) context.io.err(line)
    return await work(store)
  } finally {
    await store.close()
  }
}

/** The "now" a watchlist or a deadline list is judged on. */
export function nowOf(context: CommandContext): Date {
  return context.io.clock?.() ?? new Date()
}

/**
 * The day a watchlist or deadline list is headed with: today on the clock
 * of the --region asked for, else of the store's tenant when that is a
 * region's code, else in UTC. The read models judge each agreement on its
 * own region's today; this is the one the reader most likely keeps.
 */
export function headingDay(now: Date, region: string | undefined, tenant: string | undefined): string {
  return regionToday(now, region ?? tenant)
}

/** The note every read command's help carries: why it says how far behind the read models are rather than catching them up. */
export const READ_ONLY_NOTE = {
  en: 'Read commands open the store read-only: no file, schema or role is created (a missing one is STORE_NOT_FOUND, exit 1) and nothing is written, so they are safe on a production store, under a database user with read rights only, while the app runs. They answer from the read models as they are and do not catch them up, since that is a write: when the read models are behind, were never built or have stopped, a notice on stderr says so ("the read models are N events behind; run `kerjasama rebuild`"), and the running app\'s projection runner, `kerjasama serve` or `kerjasama rebuild` brings them up to date.',
  id: 'Perintah baca membuka penyimpanan hanya untuk membaca: tidak ada berkas, skema, atau peran yang dibuat (yang tidak ada dilaporkan STORE_NOT_FOUND, kode keluar 1) dan tidak ada yang ditulis, sehingga aman dipakai pada penyimpanan produksi, dengan pengguna basis data yang hanya boleh membaca, selagi aplikasi berjalan. Jawabannya diambil dari model baca apa adanya; model baca tidak dimutakhirkan karena itu berarti menulis. Bila model baca tertinggal, belum pernah dibangun, atau berhenti, catatan di stderr menyebutkannya ("model baca tertinggal N peristiwa; jalankan `kerjasama rebuild`"); pelaksana proyeksi aplikasi, `kerjasama serve`, atau `kerjasama rebuild` yang memutakhirkannya.',
}
