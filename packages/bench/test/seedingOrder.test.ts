import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DatasetName } from '../src/runner/childTask'
import { seedingOrder } from '../src/runner/seedDatasets'
import type { SeedJob } from '../src/runner/seedDatasets'
import { SUBJECT_NAMES } from '../src/subjects/benchSubject'
import { SUBJECTS } from '../src/subjects/subjectCatalogue'

const DATASETS: DatasetName[] = ['catch-up', 'snapshots', 'large']
const job = fc.record({ dataset: fc.constantFrom(...DATASETS), subject: fc.constantFrom(...SUBJECT_NAMES) }).map((pick): SeedJob => ({ ...pick, engine: SUBJECTS[pick.subject].engine }))

describe('the seeding order', () => {
  it('takes every job once: the large data sets first, then catch-up, then snapshots; PostgreSQL before SQLite within each; otherwise as given', () => {
    fc.assert(
      fc.property(fc.array(job, { maxLength: 30 }), (jobs) => {
        const ordered = seedingOrder(jobs)
        expect([...ordered].sort(byKey)).toEqual([...jobs].sort(byKey))
        const rank = (entry: SeedJob) => ['large', 'catch-up', 'snapshots'].indexOf(entry.dataset) * 2 + (entry.engine === 'postgres' ? 0 : 1)
        for (let index = 1; index < ordered.length; index += 1) expect(rank(ordered[index - 1] as SeedJob)).toBeLessThanOrEqual(rank(ordered[index] as SeedJob))
        // A twin (Emmett as it comes after Emmett on a shared connection) keeps its place after the one it copies.
        for (const group of [0, 1, 2, 3, 4, 5]) {
          const same = (entries: SeedJob[]) => entries.filter((entry) => rank(entry) === group)
          expect(same(ordered)).toEqual(same(jobs))
        }
      }),
    )
  })
})

const byKey = (a: SeedJob, b: SeedJob) => `${a.dataset}/${a.subject}`.localeCompare(`${b.dataset}/${b.subject}`)
