/**
 * Test helpers for apps that serve @kerjasama/http: a given/when/then API
 * specification and the response matching it uses. Imports no test runner.
 */
export { apiSpecification } from './apiSpecification'
export type { ApiRequest, ApiScenario, ApiSpecificationOptions, ApiStores, GivenStep } from './apiSpecification'
export { ApiExpectationFailed, mismatches, readResponse } from './responseExpectation'
export type { ApiResponse, ResponseExpectation } from './responseExpectation'
