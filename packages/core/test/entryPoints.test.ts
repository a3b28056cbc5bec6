import { describe, expect, it } from 'vitest'

/**
 * Every name an entry point exports is API that apps and adapters will build
 * on. The lists are pinned here so that adding, moving or removing a name is a
 * decision made in this file, never a side effect of an `export *`.
 * `@kerjasama/core` is the app's API; `@kerjasama/core/adapter` is for authors
 * of storage adapters; `@kerjasama/core/testing` is for tests of apps.
 */
const pinned: Record<string, string[]> = {
  '@kerjasama/core': [
    'AGREEMENT_REDUCER_VERSION', 'AGREEMENT_STREAM_PREFIX', 'AgreementNotFound', 'AgreementOutsideTenant', 'COMMAND', 'ConcurrencyError',
    'DEFAULT_TENANT', 'GuardFailed', 'GuardViolation', 'IdempotencyKeyReused', 'InvalidStoreInput', 'KerjasamaError',
    'NotAuthorized', 'PayloadTooLarge', 'ProjectionConflict', 'ReadModelFieldNotIndexed', 'StoreClosed',
    'StoreCorrupt', 'StoreFailed', 'StoreMisconfigured', 'StoreNotFound', 'StoreReadOnly', 'StoreSchemaTooOld',
    'StoreUnavailable', 'TenantNotGranted', 'ValidationError', 'absoluteAffairs', 'actionCompleted', 'actionStarted',
    'affairsMapped', 'agreementAmended', 'agreementCommandSchema', 'agreementEventSchema', 'agreementEventTypes',
    'agreementExpired', 'agreementIdOfStream', 'agreementStateSchema', 'agreementStatuses', 'agreementStreamId', 'agreementTerminated',
    'allowedWajibPairing', 'builtInGuardCodes', 'builtInGuards', 'bundledRegions', 'checkedRegionDirectory',
    'commandRoleBasis', 'commandRoles', 'commandTypes', 'cooperationIdentified', 'cooperationKindSchema',
    'cooperationKinds', 'coordinationComplete', 'createAgreementService', 'createRegionDirectory', 'dateLike',
    'decide', 'defaultPolicy', 'defineGuard', 'describeRegion', 'dprdApprovalRecorded', 'dprdApprovalRequested',
    'dprdApprovalTriggered', 'dprdDecisionPending', 'draftReviewed', 'durationSchema', 'durationYears',
    'evidenceSchema', 'evolve', 'evolveInPlace', 'extensionOpened', 'feasibilityAssessed', 'findAbsoluteAffair', 'findRegion',
    'findUrusan', 'findViolations', 'fold', 'foreignCooperationKinds', 'fullySigned', 'guardMessage', 'initialState',
    'isAbsoluteAffair', 'isKerjasamaError', 'isMappableAffair', 'isRefusal', 'isRegionDirectory',
    'isValidRegionCode', 'jawaTengah', 'jawaTengahRegions', 'kesepakatanBersamaSigned', 'latestIndonesianDay', 'mayIssue', 'monevRecorded',
    'nonCooperationKinds', 'notaKesepakatanSigned', 'offerResponseRecorded', 'offerSent', 'parseAgreementCommand',
    'parseAgreementEvent', 'parseOrThrow', 'partiesOf', 'partnerKinds', 'partnerSchema', 'partnersNotAccepted',
    'perjanjianKerjaSamaSigned', 'plannedActionRecordSchema', 'plannedActionSchema', 'planningDocumentSchema',
    'readOnlyReadModels', 'regionCodeFromBps', 'regionToday', 'regionsOf', 'renderDomainRulesMarkdown', 'requiredDocuments',
    'resolvePolicy', 'roles', 'signerCapacities', 'signerSchema', 'supportingUnits', 'termEndsAt', 'unsignedParties',
    'urusanCatalogue', 'urusanOfClass', 'workPlanAgreed',
  ],
  '@kerjasama/core/adapter': [
    'DEFAULT_MAX_EVENT_BYTES', 'DEFAULT_PAGE_SIZE', 'DEFAULT_READ_BATCH_SIZE', 'GENESIS_HASH', 'MAX_CHECKPOINT',
    'MAX_EVENTS_PER_APPEND', 'MAX_FIELD_NAME_LENGTH', 'MAX_INDEXED_FIELDS', 'MAX_INDEXED_ITEMS',
    'MAX_INDEX_KEY_BYTES', 'MAX_JSON_DEPTH', 'MAX_LEASE_TTL_MS', 'MAX_PAGE_SIZE', 'MAX_SNAPSHOT_VERSION', 'MAX_STREAM_ID_LENGTH', 'NO_VALUE_KEY',
    'PendingReadModelChanges', 'assertIdentifier', 'assertJsonValue', 'checkCheckpointChange',
    'checkCollectionIndexes', 'checkLease', 'checkLeaseTtl', 'checkLoadSnapshot', 'checkReadAllOptions', 'checkReadStreamOptions',
    'checkTenantScope', 'checkVerifyOptions', 'checkpointStillAt', 'compareCodePoints', 'decodeCursor',
    'encodeCursor', 'eventHash', 'expectedVersionMatches', 'hashInput', 'indexEntriesOf', 'indexKey', 'isIndexValue',
    'kindEnd', 'kindOf', 'mergeDocuments', 'optionalIntegerOption', 'planReadModelQuery', 'prepareAppend',
    'prepareSnapshot', 'queryDocuments', 'sameFields', 'snapshotFromRow', 'storeInputReasons', 'storedFieldsOf', 'toHashable', 'verifyChain',
  ],
  '@kerjasama/core/testing': [
    'DeciderSpecification', 'SpecificationFailed', 'TEST_NOW', 'TEST_PARTNER', 'TEST_REGION', 'Then', 'actorFor',
    'agreementDecider', 'agreementLifecycle', 'agreementSpecification', 'ceremonial', 'runLifecycle', 'sequentialIds', 'testActors',
    'testClock', 'testContext',
  ],
}

describe('the entry points of @kerjasama/core', () => {
  for (const [specifier, names] of Object.entries(pinned)) {
    it(`${specifier} exports exactly its pinned names`, async () => {
      expect(Object.keys(await import(specifier)).sort()).toEqual(names)
    })
  }

  it('no name is exported by two entry points, so each has one home', () => {
    const all = Object.values(pinned).flat()
    expect(all.filter((name, index) => all.indexOf(name) !== index)).toEqual([])
  })

  it('an app can turn a stream id from readAll back into the agreement id', async () => {
    const core = await import('@kerjasama/core')
    expect(core.agreementIdOfStream(core.agreementStreamId('kebumen-gula'))).toBe('kebumen-gula')
  })
})
