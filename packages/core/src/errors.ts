/**
 * Every error the library throws, by concept: the base class with its brand
 * and the one refusal shape (kerjasamaError.ts), refusals of a command or its
 * input (refusalErrors.ts), and what a store reports (storeErrors.ts).
 */
export * from './kerjasamaError'
export * from './refusalErrors'
export * from './storeErrors'
