import type { AppendOptions } from '@kerjasama/core'
import type { IdempotencyClaim, SerializedEvent } from '@kerjasama/core/adapter'

/** An append after prepareAppend, with every event's id settled. */
export type SerializedAppend = { streamId: string; events: Array<SerializedEvent & { id: string }>; options: AppendOptions; idempotency: IdempotencyClaim | undefined }
