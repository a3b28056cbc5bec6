export * from './urusan'
export * from './regions'
