import { isKerjasamaError } from '@kerjasama/core'
import { UsageError } from './usageError'

/**
 * The PostgreSQL adapter holds a schema name to its own rule before it
 * connects, and refuses it as STORE_INPUT_INVALID, field `schema`. On the
 * command line that value came from --schema, so it is a usage error (exit 2)
 * naming the option; the rule stays the adapter's, stated once.
 */
export function asSchemaOptionError(error: unknown, command: string): unknown {
  if (!isKerjasamaError(error) || error.code !== 'STORE_INPUT_INVALID' || error.details.field !== 'schema') return error
  return new UsageError({ id: `Nilai --schema tidak sah: ${error.localized.id}`, en: `Invalid --schema value: ${error.localized.en}` }, command)
}
