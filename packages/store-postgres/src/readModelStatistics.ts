import type { Pool } from 'pg'
import type { SchemaNames } from './schemaName'

/** Rows a store writes between two looks at the statistics; below this much change a page is fast on any plan. */
export const STATISTICS_CHECK_ROWS = 5000

/**
 * Keeps the planner's statistics of the read-model tables in step with bulk
 * writes. A rebuild fills document_index from nothing in minutes while the
 * statistics still describe what ANALYZE saw last — often an empty table, as
 * migrate or a seeding left it — and autovacuum had not come by after a
 * 15-minute rebuild of 1,000,000 events. On statistics of an empty table
 * PostgreSQL walks the whole collection per candidate (every page of a
 * 70,000-agreement register took about 2 s; 3–30 ms after ANALYZE, see
 * docs/performance.md). So every STATISTICS_CHECK_ROWS rows this store
 * writes (documents and index entries), it reads the tables' own counters
 * (pg_stat's n_mod_since_analyze, which every writer process adds to, or
 * its own count where that is higher), and
 * refreshes them once the rows changed since the last ANALYZE outnumber
 * the rows it counted then: ANALYZE of documents, and VACUUM (ANALYZE) of
 * document_index — a page reads its entries by index-only scans, which
 * after a bulk write still visit the table for every entry until a vacuum
 * marks its pages all-visible (over 70,000 agreements, a page whose first
 * condition most share: 29 ms analysed, 8 ms vacuumed too), and each put
 * leaves its old entries dead. The changes must double the table between
 * two refreshes, so a rebuild to n rows refreshes about log2(n / 5000)
 * times (the last, at 1.4 million index rows, about 5 s; ANALYZE alone
 * samples at most 30,000 rows), and ordinary projection traffic rarely.
 * Neither takes a lock that blocks reads or writes; VACUUM needs no
 * transaction, so it runs on its own. Both run as the pool's user, outside the tenant's scope,
 * after the commit: a user that does not own the tables gets PostgreSQL's
 * warning and no refresh, and the write it followed has committed either way.
 */
export function createStatisticsKeeper(pool: Pool, names: SchemaNames): { wrote(rows: number): Promise<void> } {
  let written = 0
  // This store's own rows since its last refresh: the shared counters reach pg_stat up to a second or more late.
  let sinceRefresh = 0
  let running: Promise<void> | undefined

  const refresh = async (): Promise<void> => {
    try {
      const result = await pool.query<{ known: number; changed: number }>(
        `select greatest(c.reltuples, 0)::float8 as known, coalesce(s.n_mod_since_analyze, 0)::float8 as changed
         from pg_class c left join pg_stat_all_tables s on s.relid = c.oid where c.oid = to_regclass($1)`,
        [names.q('document_index')],
      )
      const row = result.rows[0]
      if (row === undefined || Math.max(row.changed, sinceRefresh) < Math.max(STATISTICS_CHECK_ROWS, row.known)) return
      sinceRefresh = 0
      await pool.query(`vacuum (analyze) ${names.q('document_index')}`)
      await pool.query(`analyze ${names.q('documents')}`)
    } catch {
      // Statistics only guide the planner: a failed refresh leaves the old ones, and later writes try again.
    }
  }

  return {
    async wrote(rows) {
      written += rows
      sinceRefresh += rows
      if (written < STATISTICS_CHECK_ROWS || running !== undefined) return
      written = 0
      running = refresh().finally(() => {
        running = undefined
      })
      await running
    },
  }
}
