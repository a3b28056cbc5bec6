import { z } from 'zod'
import { parseQuery } from '../requestQuery'

/** Every page takes `lang`; the language middleware has read it already, the schema only refuses a third language. */
export const languageParameter = { lang: z.enum(['id', 'en']).optional() }

/**
 * The page's query through its strict schema, as the JSON API reads its own:
 * a misspelt parameter is refused rather than answered with an unfiltered
 * page. A field left empty in a filter form is sent as `name=`; it means
 * "no filter", so empty values are dropped first.
 */
export function parsePageQuery<S extends z.ZodType>(url: string, schema: S): z.output<S> {
  const parsed = new URL(url)
  const kept = new URLSearchParams()
  for (const [name, value] of parsed.searchParams) if (value.trim() !== '') kept.append(name, value)
  parsed.search = kept.toString()
  return parseQuery(parsed.href, schema)
}
