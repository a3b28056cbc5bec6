import { z } from 'zod'

/** "2026-1" is January–June, "2026-2" July–December: the halves of the fiscal year the APBD runs on. */
export const semesterSchema = z.string().regex(/^\d{4}-[12]$/, { error: 'semester is YYYY-1 or YYYY-2' })

export type SemesterBounds = { semester: string; from: string; to: string }

export function semesterBounds(semester: string): SemesterBounds {
  const year = semester.slice(0, 4)
  return semester.endsWith('-1') ? { semester, from: `${year}-01-01`, to: `${year}-06-30` } : { semester, from: `${year}-07-01`, to: `${year}-12-31` }
}
