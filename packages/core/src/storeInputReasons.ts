import type { LocalizedMessage } from './errors'

/**
 * Reasons for InvalidStoreInput that more than one check or more than one
 * adapter gives, kept here once so the Indonesian never drifts from the
 * English. Field and method names are code and stay untranslated; no reason
 * ever includes the refused value (R10).
 */
function reason(id: string, en: string): LocalizedMessage {
  return Object.freeze({ id, en })
}

export const storeInputReasons = Object.freeze({
  mustBeString: (field: string) => reason(`${field} harus berupa string`, `${field} must be a string`),
  mustBeArray: (field: string) => reason(`${field} harus berupa larik (array)`, `${field} must be an array`),
  notAnObject: (field: string) => reason(`${field} bukan objek`, `${field} is not an object`),
  wholeNumber: (field: string, min: 0 | 1) =>
    min === 1
      ? reason(`${field} harus berupa bilangan bulat positif`, `${field} must be a positive integer`)
      : reason(`${field} harus berupa bilangan bulat non-negatif`, `${field} must be a non-negative integer`),
  optionsMustBeObject: (operation: 'readStream' | 'readAll' | 'verify') =>
    reason(`opsi ${operation} harus berupa objek`, `${operation} options must be an object`),
  storeOptionsMustBeObject: reason('opsi penyimpanan harus berupa objek', 'store options must be an object'),
  eventIdAlreadyUsed: reason('id peristiwa sudah dipakai', 'an event id is already used'),
  documentMustBeObject: reason('dokumen read-model harus berupa objek', 'a read-model document must be an object'),
  transactionEnded: reason('transaksi sudah berakhir', 'the transaction has already ended'),
  workMustBeFunction: reason('work untuk transaksi harus berupa fungsi', 'transaction work must be a function'),
})
