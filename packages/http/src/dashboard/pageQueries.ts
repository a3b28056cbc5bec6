import type { z } from 'zod'
import { agreementPageQuery } from './agreementPage'
import { deadlinesPageQuery } from './deadlinesPage'
import { matrixPageQuery } from './matrixPage'
import { potentialsPageQuery } from './potentialsPage'
import { registerPageQuery } from './registerPage'
import { reportPageQuery } from './reportPage'
import { watchlistPageQuery } from './watchlistPage'

/**
 * Each page's path (below basePath) with the query it accepts: the routes
 * parse with these schemas, and docs/dashboard.md's table of pages is checked
 * against this list and against the routes the dashboard registers.
 */
export const pageQueries = {
  '/': registerPageQuery,
  '/matrix': matrixPageQuery,
  '/watchlist': watchlistPageQuery,
  '/deadlines': deadlinesPageQuery,
  '/agreements/:id': agreementPageQuery,
  '/potentials': potentialsPageQuery,
  '/reports/semester': reportPageQuery,
} as const satisfies Record<string, z.ZodObject>
