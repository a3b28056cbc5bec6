import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { interleavedPlan } from '../src/runner/runPlan'
import { SUBJECT_NAMES } from '../src/subjects/benchSubject'
import type { SubjectName } from '../src/subjects/benchSubject'
import { WORKLOAD_IDS } from '../src/workloads/workload'

const subjectLists = fc.subarray([...SUBJECT_NAMES], { minLength: 1 })
const workloadLists = fc.subarray([...WORKLOAD_IDS], { minLength: 1 })
const rounds = fc.integer({ min: 1, max: 5 })

describe('the interleaved plan', () => {
  it('runs every subject once per workload in a round, then the next round, turning the subjects by one each round', () => {
    const plan = interleavedPlan(['kerjasama-sqlite', 'emmett-sqlite', 'raw-sqlite'], ['W1', 'W4'], 2)
    expect(plan.map(({ round, workload, subject }) => `${round} ${workload} ${subject}`)).toEqual([
      '1 W1 kerjasama-sqlite',
      '1 W1 emmett-sqlite',
      '1 W1 raw-sqlite',
      '1 W4 kerjasama-sqlite',
      '1 W4 emmett-sqlite',
      '1 W4 raw-sqlite',
      '2 W1 emmett-sqlite',
      '2 W1 raw-sqlite',
      '2 W1 kerjasama-sqlite',
      '2 W4 emmett-sqlite',
      '2 W4 raw-sqlite',
      '2 W4 kerjasama-sqlite',
    ])
  })

  it('leaves out what a subject does not run', () => {
    const plan = interleavedPlan(['kerjasama-postgres', 'raw-postgres'], ['W5', 'W4'], 1, (subject, workload) => workload !== 'W5' || subject === 'kerjasama-postgres')
    expect(plan).toEqual([
      { round: 1, workload: 'W5', subject: 'kerjasama-postgres' },
      { round: 1, workload: 'W4', subject: 'kerjasama-postgres' },
      { round: 1, workload: 'W4', subject: 'raw-postgres' },
    ])
  })

  it('refuses fewer than one round', () => {
    expect(() => interleavedPlan(['raw-sqlite'], ['W1'], 0)).toThrow(RangeError)
    expect(() => interleavedPlan(['raw-sqlite'], ['W1'], 1.5)).toThrow(RangeError)
  })

  it('for any subjects, workloads and rounds: each pair that applies runs once per round, and no round starts before the last one ended', () => {
    fc.assert(
      fc.property(subjectLists, workloadLists, rounds, fc.func(fc.boolean()), (subjects, workloads, count, appliesRaw) => {
        const applies = (subject: SubjectName, workload: string) => appliesRaw(subject, workload)
        const plan = interleavedPlan(subjects, workloads, count, applies)
        for (const subject of subjects) {
          for (const workload of workloads) {
            const runs = plan.filter((run) => run.subject === subject && run.workload === workload)
            expect(runs.map((run) => run.round)).toEqual(applies(subject, workload) ? Array.from({ length: count }, (_, index) => index + 1) : [])
          }
        }
        plan.forEach((run, index) => {
          if (index > 0) expect(run.round).toBeGreaterThanOrEqual((plan[index - 1] as (typeof plan)[number]).round)
        })
      }),
    )
  })

  it('for any subjects, no subject is first in every round: the first place turns', () => {
    fc.assert(
      fc.property(fc.subarray([...SUBJECT_NAMES], { minLength: 2 }), fc.integer({ min: 2, max: 5 }), (subjects, count) => {
        const plan = interleavedPlan(subjects, ['W1'], count)
        const firsts = Array.from({ length: count }, (_, round) => plan.find((run) => run.round === round + 1)?.subject)
        expect(firsts).toEqual(Array.from({ length: count }, (_, round) => subjects[round % subjects.length]))
      }),
    )
  })
})
