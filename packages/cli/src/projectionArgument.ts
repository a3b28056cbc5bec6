import { builtInProjections } from '@kerjasama/projections'
import { UsageError } from './usageError'

export const PROJECTION_NAMES: readonly string[] = builtInProjections.map((projection) => projection.name)

/** A projection named on the command line must be a built-in one; a misspelt name is a usage error listing them. */
export function projectionArgument(name: string, command: string): string {
  if (!PROJECTION_NAMES.includes(name)) {
    throw new UsageError({ id: `Proyeksi tidak dikenal: ${name} (pilih ${PROJECTION_NAMES.join(', ')})`, en: `Unknown projection: ${name} (choose ${PROJECTION_NAMES.join(', ')})` }, command)
  }
  return name
}
