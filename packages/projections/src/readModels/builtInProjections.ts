import type { Projection } from '../projection'
import { deadlinesProjection } from './deadlines/deadlinesProjection'
import { urusanMatrixProjection } from './matrix/urusanMatrixProjection'
import { potentialsProjection } from './potentials/potentialsProjection'
import { registerProjection } from './register/registerProjection'
import { semesterReportProjection } from './report/semesterReportProjection'
import { timelineProjection } from './timeline/timelineProjection'

/** Every read model the library ships; the watchlist is judged from the register at query time and needs no projection of its own. */
export const builtInProjections: readonly Projection[] = Object.freeze([
  registerProjection,
  urusanMatrixProjection,
  potentialsProjection,
  deadlinesProjection,
  semesterReportProjection,
  timelineProjection,
])
