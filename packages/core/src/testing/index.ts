/**
 * Test helpers for applications built on @kerjasama/core: a given/when/then
 * specification for the agreement decider, deterministic clock and ids,
 * actors per role, and command sequences that take an agreement through its
 * whole lifecycle. Imports no test runner; failures are plain Errors.
 */
export { DeciderSpecification, SpecificationFailed, Then } from './deciderSpecification'
export type { Decider } from './deciderSpecification'
export { testClock } from './testClock'
export type { TestClock } from './testClock'
export { sequentialIds } from './sequentialIds'
export { testActors, actorFor, TEST_PARTNER, TEST_REGION } from './testActors'
export { testContext, TEST_NOW } from './testContext'
export { agreementLifecycle, ceremonial } from './agreementLifecycle'
export { runLifecycle } from './runLifecycle'
export type { IdentifyStep, LifecycleOptions, LifecyclePartner, LifecycleStep, LifecycleVariant } from './agreementLifecycle'
export { agreementDecider, agreementSpecification } from './agreementSpecification'
