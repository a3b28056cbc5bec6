import type { KerjasamaContext } from '../handlerOptions'

/** What a page reads from: the handler's reader (every built-in read model), its tenant and its watchlist policy. */
export type DashboardSource = Pick<KerjasamaContext, 'reader' | 'tenant' | 'watchlistPolicy'>
