export { defineProjection } from './projection'
export type { Projection } from './projection'
