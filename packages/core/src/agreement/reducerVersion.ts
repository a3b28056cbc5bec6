/**
 * The version of evolve (evolve.ts), recorded with every snapshot. Bump it in
 * the same change that makes evolve fold any history to another state (a new
 * field, a rule applied differently): snapshots saved under the old number
 * are then never used, and the service takes new ones as it loads. A test
 * (test/agreement/reducerVersion.test.ts) pins what evolve folds a set of
 * histories to, so changing evolve without bumping this fails there.
 */
export const AGREEMENT_REDUCER_VERSION = 1
