import type { OptionName, OptionValues } from './optionCatalogue'
import { UsageError } from './usageError'

/**
 * A command's option values, checked before anything opens: a wrong value is
 * a usage error (exit 2) naming the option, never a store opened for nothing.
 */
export function stringValue(values: OptionValues, name: OptionName): string | undefined {
  const value = values[name]
  return typeof value === 'string' ? value : undefined
}

export function flagValue(values: OptionValues, name: OptionName): boolean {
  return values[name] === true
}

export function requiredValue(values: OptionValues, name: OptionName, command: string): string {
  const value = stringValue(values, name)
  if (value === undefined || value.trim() === '') throw new UsageError({ id: `Perintah ${command} memerlukan --${name}`, en: `The ${command} command needs --${name}` }, command)
  return value
}

export function integerValue(values: OptionValues, name: OptionName, range: { min: number; max: number }, command: string): number | undefined {
  const value = stringValue(values, name)
  if (value === undefined) return undefined
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(number) || number < range.min || number > range.max) {
    throw new UsageError(
      { id: `Nilai --${name} harus bilangan bulat ${range.min}–${range.max}: ${value}`, en: `--${name} must be a whole number from ${range.min} to ${range.max}: ${value}` },
      command,
    )
  }
  return number
}

export function choiceValue<T extends string>(values: OptionValues, name: OptionName, choices: readonly T[], command: string): T | undefined {
  const value = stringValue(values, name)
  if (value === undefined) return undefined
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError({ id: `Nilai --${name} tidak dikenal: ${value} (pilih ${choices.join(', ')})`, en: `Unknown --${name} value: ${value} (choose ${choices.join(', ')})` }, command)
  }
  return value as T
}
