import type { WorkloadSizes } from '../workloads/workloadSizes'
import type { WorkloadId } from '../workloads/workload'

/** One row of the report: a metric a workload measures, how to read it, and which way is better. */
export type Figure = {
  workload: WorkloadId
  metric: string
  label: string
  unit: string
  better: 'higher' | 'lower'
  /** A figure the issue asks for that cannot be measured yet: shown with this text instead of numbers. */
  notYet?: string
  /** Why, for the notes under the tables. */
  notYetBecause?: string
  /** A figure of a workload every subject runs that only Kerjasama has (loads with snapshots): n/a for the others. */
  kerjasamaOnly?: true
}

const count = (n: number): string => n.toLocaleString('en-US')

export function figures(sizes: WorkloadSizes, snapshotsMeasured: boolean): Figure[] {
  const stream = count(sizes.rehydrate.streamLength)
  return [
    { workload: 'W1', metric: 'appendsPerSecond', label: 'W1 command path', unit: 'appends/s', better: 'higher' },
    { workload: 'W2', metric: 'eventsPerSecond', label: `W2 batch append, ${sizes.batchAppend.eventsPerAppend} per append`, unit: 'events/s', better: 'higher' },
    { workload: 'W3', metric: 'msPerRead', label: `W3 rehydrate ${stream} events, without snapshots`, unit: 'ms', better: 'lower' },
    {
      workload: 'W3',
      metric: 'msPerReadWithSnapshots',
      label: `W3 load a ${stream}-event agreement, with snapshots (at the head)`,
      unit: 'ms',
      better: 'lower',
      kerjasamaOnly: true,
      ...(snapshotsMeasured ? {} : { notYet: 'not yet', notYetBecause: 'the bench does not take snapshots yet; W3 runs without them until it measures Kerjasama\'s SnapshotStore' }),
    },
    ...(snapshotsMeasured
      ? ([
          { workload: 'W3', metric: 'msPerReadSnapshotBehind', label: `W3 load a ${stream}-event agreement, 99 events after its snapshot`, unit: 'ms', better: 'lower', kerjasamaOnly: true },
          { workload: 'W3', metric: 'msPerShortLoad', label: 'W3 load a 10-event agreement, with snapshots', unit: 'ms', better: 'lower', kerjasamaOnly: true },
          { workload: 'W3', metric: 'snapshotLoadRatio', label: `W3 ${stream} events, snapshot at the head ÷ 10 events (target ≤ 2)`, unit: '×', better: 'lower', kerjasamaOnly: true },
          { workload: 'W3', metric: 'snapshotBehindRatio', label: `W3 ${stream} events, 99 after the snapshot ÷ 10 events`, unit: '×', better: 'lower', kerjasamaOnly: true },
        ] as const)
      : []),
    { workload: 'W4', metric: 'eventsPerSecond', label: `W4 catch-up, ${count(sizes.catchUp.events)} events`, unit: 'events/s', better: 'higher' },
    { workload: 'W5', metric: 'eventsPerSecond', label: 'W5 register rebuild', unit: 'events/s', better: 'higher' },
    { workload: 'W5', metric: 'shareOfReadAll', label: "W5 rebuild ÷ the adapter's own readAll", unit: '×', better: 'higher' },
    { workload: 'W5', metric: 'pageMs', label: 'W5 filtered register page (region, stage; 50 rows)', unit: 'ms', better: 'lower' },
    { workload: 'W5', metric: 'peakRssMb', label: 'W5 peak RSS', unit: 'MB', better: 'lower' },
    { workload: 'W6', metric: 'peakRssMb', label: `W6 peak RSS reading ${count(sizes.memory.events)} events`, unit: 'MB', better: 'lower' },
    { workload: 'W6', metric: 'eventsPerSecond', label: 'W6 readAll rate', unit: 'events/s', better: 'higher' },
    { workload: 'W7', metric: 'commandsPerSecond', label: 'W7 execute() of full lifecycles', unit: 'commands/s', better: 'higher' },
    { workload: 'W8', metric: 'appendsPerSecond', label: 'W8 concurrent writers', unit: 'appends/s', better: 'higher' },
    { workload: 'W8', metric: 'p99Ms', label: 'W8 p99 append latency', unit: 'ms', better: 'lower' },
  ]
}
