import { createAgreementService } from '@kerjasama/core'
import type { Actor, AgreementCommandInput, AgreementEvent, AgreementServiceOptions, EventStore, ReadModelStore } from '@kerjasama/core'
import { agreementStreamId } from '@kerjasama/core'
import { testClock } from '@kerjasama/core/testing'
import type { TestClock } from '@kerjasama/core/testing'
import { builtInProjections, createProjectionRunner } from '@kerjasama/projections'
import { createKerjasamaHandler } from '../createKerjasamaHandler'
import type { KerjasamaHandler } from '../createKerjasamaHandler'
import type { KerjasamaHandlerOptions } from '../handlerOptions'
import { ApiExpectationFailed, mismatches, readResponse } from './responseExpectation'
import type { ApiResponse, ResponseExpectation } from './responseExpectation'

/**
 * A given/when/then harness for the HTTP API, for your own tests and ours:
 *
 *   await apiSpecification({ stores: () => openMemoryStores() })
 *     .given({ command: identify, actor: opd })
 *     .when({ method: 'GET', path: '/api/agreements/a-1', as: opd })
 *     .then({ status: 200, headers: { etag: 'W/"1"' } })
 *
 * Each scenario gets fresh stores from `stores`, a service and a projection
 * runner over them, and the handler; the given steps run through the service
 * (commands, so the guards apply) or straight into the store (events), then
 * the read models catch up and the request is made in-process, through the
 * handler's `fetch`. It imports no test runner: a failed expectation throws
 * ApiExpectationFailed listing every difference.
 */
export type ApiStores = { eventStore: EventStore; readModels: ReadModelStore }

export type ApiSpecificationOptions = {
  /** Fresh, empty stores for each scenario (memory stores, a SQLite ':memory:' file, a schema of its own). */
  stores: () => ApiStores | Promise<ApiStores>
  /** Service options besides the store; the clock defaults to the scenario's test clock. */
  service?: Omit<AgreementServiceOptions, 'store'>
  /** Handler options besides what the harness supplies. */
  handler?: Partial<Omit<KerjasamaHandlerOptions, 'service' | 'readModels' | 'authenticate' | 'runner' | 'eventStore'>>
  /** Where the scenario's clock starts; default 2022-02-22T02:00:00Z. */
  start?: Date | string
}

/** A given step: a command through the service (guards apply), or events written as they are. `at` moves the clock first. */
export type GivenStep =
  | { command: AgreementCommandInput; actor: Actor; at?: Date | string; idempotencyKey?: string }
  | { agreementId: string; events: AgreementEvent[]; actor: Actor; at?: Date | string }

export type ApiRequest = {
  method?: string
  /** Below the handler's basePath, with any query string. */
  path: string
  /** The authenticated actor; absent for an anonymous request. */
  as?: Actor
  headers?: Record<string, string>
  /** A value is sent as JSON (with Content-Type application/json unless headers name one); a string or bytes are sent as they are. */
  body?: unknown
  /** Moves the clock before the request: the watchlist and deadlines are judged then. */
  at?: Date | string
}

export type ApiScenario = { handler: KerjasamaHandler; clock: TestClock; stores: ApiStores }

export function apiSpecification(options: ApiSpecificationOptions) {
  return {
    given: (...steps: GivenStep[]) => ({
      when: (request: ApiRequest | ((scenario: ApiScenario) => ApiRequest | Promise<ApiRequest>)) => ({
        /** Runs the scenario; resolves with the response when it meets the expectation (or the callback returns). */
        then: (expected: ResponseExpectation | ((response: ApiResponse, scenario: ApiScenario) => void | Promise<void>)): Promise<ApiResponse> =>
          runScenario(options, steps, request, expected),
      }),
    }),
  }
}

async function runScenario(
  options: ApiSpecificationOptions,
  steps: GivenStep[],
  request: ApiRequest | ((scenario: ApiScenario) => ApiRequest | Promise<ApiRequest>),
  expected: ResponseExpectation | ((response: ApiResponse, scenario: ApiScenario) => void | Promise<void>),
): Promise<ApiResponse> {
  const stores = await options.stores()
  try {
    const clock = testClock(options.start)
    const service = createAgreementService({ clock, ...options.service, store: stores.eventStore })
    const runner = createProjectionRunner({ eventStore: stores.eventStore, readModels: stores.readModels, projections: [...builtInProjections], clock, holderId: 'api-specification' })
    const actors = new WeakMap<Request, Actor>()
    const handler = createKerjasamaHandler({
      clock,
      ...options.handler,
      service,
      readModels: stores.readModels,
      runner,
      eventStore: stores.eventStore,
      authenticate: (incoming) => actors.get(incoming),
    })
    const scenario: ApiScenario = { handler, clock, stores }
    for (const step of steps) {
      if (step.at !== undefined) clock.set(step.at)
      if ('command' in step) {
        await service.execute(step.command, { actor: step.actor, ...(step.idempotencyKey === undefined ? {} : { idempotencyKey: step.idempotencyKey }) })
      } else {
        const metadata = { actor: step.actor, correlationId: `given-${step.agreementId}`, causationId: `given-${step.agreementId}`, recordedAt: clock().toISOString() }
        await stores.eventStore.append(agreementStreamId(step.agreementId), step.events.map((event) => ({ ...event, metadata })), { expectedVersion: 'any' })
      }
    }
    await runner.catchUp()
    const asked = typeof request === 'function' ? await request(scenario) : request
    if (asked.at !== undefined) clock.set(asked.at)
    const built = toRequest(asked, handler.context.basePath)
    if (asked.as !== undefined) actors.set(built, asked.as)
    const response = await readResponse(await handler.fetch(built))
    if (typeof expected === 'function') {
      await expected(response, scenario)
      return response
    }
    const found = mismatches(response, expected)
    if (found.length > 0) throw new ApiExpectationFailed(`${asked.method ?? 'GET'} ${asked.path}:\n  ${found.join('\n  ')}\nresponse body: ${response.text.slice(0, 2000)}`)
    return response
  } finally {
    await stores.eventStore.close()
  }
}

function toRequest(request: ApiRequest, basePath: string): Request {
  const headers = new Headers(request.headers)
  let body: string | Uint8Array<ArrayBuffer> | undefined
  if (request.body !== undefined) {
    const raw = typeof request.body === 'string' || request.body instanceof Uint8Array
    body = raw ? (request.body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(request.body)
    if (!raw && !headers.has('content-type')) headers.set('content-type', 'application/json')
  }
  return new Request(`http://kerjasama.test${basePath}${request.path}`, { method: request.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body === undefined ? {} : { body }) })
}
