export * from './errors'
export * from './store'
export * from './integrity'
export * from './storeInput'
