import { z } from 'zod'
import { KerjasamaError, roles } from '@kerjasama/core'
import type { Actor } from '@kerjasama/core'
import type { MiddlewareHandler } from 'hono'
import type { ApiEnv } from './apiEnv'
import type { Authenticate } from './handlerOptions'
import { NotAuthenticated } from './problem/httpRefusals'

const actorSchema = z.strictObject({ id: z.string().trim().min(1).max(200), role: z.enum(roles), actsFor: z.string().trim().min(1).max(100) })

/**
 * Asks the app who is calling. No actor is 401; an actor of the wrong shape
 * is the app's bug, not the caller's, so it is a 500 (reported to
 * onUnexpectedError) rather than a 400 that would blame the request.
 */
export function authenticateRequests(authenticate: Authenticate): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const actor = await authenticate(c.req.raw)
    if (actor === undefined || actor === null) throw new NotAuthenticated()
    const parsed = actorSchema.safeParse(actor)
    if (!parsed.success) {
      throw new KerjasamaError(
        'AUTHENTICATE_RESULT_INVALID',
        { id: 'authenticate mengembalikan pelaku yang tidak sah (id, role, actsFor)', en: 'authenticate returned a malformed actor (id, role, actsFor)' },
        { fields: parsed.error.issues.map((issue) => issue.path.join('.')) },
      )
    }
    c.set('actor', parsed.data satisfies Actor)
    await next()
  }
}
