/**
 * JSON as --json prints it: positions and checkpoints are bigints, which
 * JSON.stringify refuses, so they are written as decimal strings (a number
 * would round past 2^53).
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2)
}
