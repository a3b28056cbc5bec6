import { COMMAND, ValidationError, isKerjasamaError, parseAgreementCommand, parseOrThrow } from '@kerjasama/core'
import type { AgreementCommandInput, ExecuteOptions, ExecuteResult } from '@kerjasama/core'
import type { Context, Hono } from 'hono'
import type { ApiEnv } from '../apiEnv'
import { etagOf, expectedVersionOf } from '../etag'
import type { ResolvedHandlerOptions } from '../handlerOptions'
import { idempotencyKeyOf } from '../idempotencyKey'
import { limitBody, readJson, requireJsonBody } from '../jsonBody'
import { jsonResponse } from '../jsonResponse'
import { agreementIdParameters, languageQuery } from '../openapi/apiSchemas'
import { createAgreementBody, routeCatalogue } from '../openapi/routeCatalogue'
import { PreconditionFailed } from '../problem/httpRefusals'
import { parseParams, parseQuery } from '../requestQuery'

/** Routes stay thin: read the request, hand the command to the service, write its result. Every refusal is the service's. */
export function registerWriteRoutes(api: Hono<ApiEnv>, options: ResolvedHandlerOptions): void {
  const body = [requireJsonBody(), limitBody(options.maxBodyBytes)] as const

  api.post(routeCatalogue.createAgreement.path, ...body, async (c) => {
    parseQuery(c.req.url, languageQuery)
    const idempotencyKey = idempotencyKeyOf(c.req.header('idempotency-key'))
    const command = parseOrThrow(createAgreementBody, await readJson(c), COMMAND)
    const result = await options.service.execute({ ...command, type: 'IdentifyCooperation' }, executeOptions(c, idempotencyKey))
    return writeAnswer(result, options.basePath)
  })

  api.post(routeCatalogue.issueCommand.path, ...body, async (c) => {
    const { id } = parseParams(c.req.param(), agreementIdParameters)
    parseQuery(c.req.url, languageQuery)
    const idempotencyKey = idempotencyKeyOf(c.req.header('idempotency-key'))
    const expectedVersion = expectedVersionOf(c.req.header('if-match'))
    const command = addressed(await readJson(c), id)
    try {
      const result = await options.service.execute(command, { ...executeOptions(c, idempotencyKey), ...(expectedVersion === undefined ? {} : { expectedVersion }) })
      return writeAnswer(result, options.basePath)
    } catch (error) {
      // With If-Match the client named the version it decided on; a conflict means that version is gone, and the service wrote nothing.
      if (expectedVersion !== undefined && isKerjasamaError(error) && error.code === 'STREAM_VERSION_CONFLICT') {
        const actual = error.details.actual
        throw new PreconditionFailed(id, expectedVersion, typeof actual === 'number' ? actual : undefined)
      }
      throw error
    }
  })
}

function executeOptions(c: Context<ApiEnv>, idempotencyKey: string | undefined): ExecuteOptions {
  return { actor: c.get('actor'), ...(idempotencyKey === undefined ? {} : { idempotencyKey }) }
}

/** The command addressed to the path's agreement: a body naming another agreement is refused, never redirected. */
function addressed(input: unknown, agreementId: string): AgreementCommandInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError(COMMAND, [{ path: '', code: 'FIELD_INVALID', message: 'the body must be a JSON object, the command', messageId: 'isi permintaan harus berupa objek JSON, yaitu perintahnya' }])
  }
  const named = (input as { agreementId?: unknown }).agreementId
  if (named !== undefined && named !== agreementId) {
    throw new ValidationError(COMMAND, [
      {
        path: 'agreementId',
        code: 'FIELD_INVALID',
        message: `agreementId must be the path's agreement (${agreementId}) or left out`,
        messageId: `agreementId harus sama dengan kerja sama pada alamat (${agreementId}) atau dikosongkan`,
      },
    ])
  }
  return parseAgreementCommand({ ...input, agreementId })
}

function writeAnswer(result: ExecuteResult, basePath: string): Response {
  // Created when this command's first event opened the stream; a replayed key answers as the first request did.
  const created = result.events[0]?.version === 1
  const headers: Record<string, string> = { etag: etagOf(result.version) }
  if (created) headers.location = `${basePath}/api/agreements/${encodeURIComponent(result.agreementId)}`
  if (result.duplicate) headers['idempotent-replayed'] = 'true'
  return jsonResponse(
    { agreementId: result.agreementId, version: result.version, position: result.events.at(-1)?.position ?? null, duplicate: result.duplicate, events: result.events },
    created ? 201 : 200,
    headers,
  )
}
