import type { Actor } from '@kerjasama/core'

/** What the API's middleware leaves on the request context for the routes. */
export type ApiEnv = { Variables: { language: string; actor: Actor } }
