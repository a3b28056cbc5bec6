import cliPackage from '../package.json' with { type: 'json' }

/** The version of this package, as published; the bundle carries it, so no file is read at run time. */
export const CLI_VERSION: string = cliPackage.version
