import { InvalidStoreInput } from './errors'
import { MAX_INDEX_KEY_BYTES } from './indexEntries'
import { MAX_STREAM_ID_LENGTH, assertIdentifier } from './storeInput'

/** Where a page ended: the last item's key in the order (when ordered by a field) and its id. */
export type QueryPosition = { key: string | undefined; id: string }

/** The order a cursor belongs to; a cursor is refused by a query of another order, where it would mean nothing. */
export type CursorOrder = { orderBy: string | undefined; descending: boolean }

const CURSOR_VERSION = 1
const MAX_CURSOR_LENGTH = 4 * (MAX_INDEX_KEY_BYTES + MAX_STREAM_ID_LENGTH * 4 + 200)

const malformed = (): InvalidStoreInput =>
  new InvalidStoreInput({ id: 'kursor halaman (after) rusak atau bukan dari kueri dengan urutan yang sama', en: 'the page cursor (after) is malformed or comes from a query with another order' }, { field: 'after' })

/**
 * Cursors are opaque to callers (base64url of a small JSON array) but carry
 * no secret: they only say where the previous page ended, so a forged one can
 * do no more than start a page elsewhere in the caller's own tenant.
 */
export function encodeCursor(order: CursorOrder, position: QueryPosition): string {
  const payload = [CURSOR_VERSION, order.orderBy ?? null, order.descending ? 'd' : 'a', position.key ?? null, position.id]
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: unknown, order: CursorOrder): QueryPosition {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) throw malformed()
  const bytes = Buffer.from(cursor, 'base64url')
  // Node's decoder skips characters outside the alphabet; a cursor that does not re-encode to itself was not made by encodeCursor.
  if (bytes.toString('base64url') !== cursor) throw malformed()
  let payload: unknown
  try {
    payload = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw malformed()
  }
  if (!Array.isArray(payload) || payload.length !== 5) throw malformed()
  const [version, orderBy, direction, key, id] = payload as unknown[]
  if (version !== CURSOR_VERSION || orderBy !== (order.orderBy ?? null) || direction !== (order.descending ? 'd' : 'a')) throw malformed()
  if (order.orderBy === undefined ? key !== null : typeof key !== 'string' || key.length === 0 || !key.isWellFormed() || key.includes('\u0000')) throw malformed()
  try {
    assertIdentifier('id', id)
  } catch {
    throw malformed()
  }
  return { key: key === null ? undefined : (key as string), id: id as string }
}
