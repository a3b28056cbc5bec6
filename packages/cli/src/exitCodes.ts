import type { LocalizedMessage } from '@kerjasama/core'

/** What the process exit code tells a script; the help text and packages/cli/README.md list the same (a test keeps them so). */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export const EXIT_CODE_MEANINGS: ReadonlyArray<{ code: ExitCode; meaning: LocalizedMessage }> = [
  {
    code: EXIT.ok,
    meaning: { id: 'berhasil; verify: setiap rantai yang diperiksa utuh; status dan rebuild: tidak ada proyeksi yang gagal', en: 'success; verify: every chain checked is intact; status and rebuild: no projection has failed' },
  },
  {
    code: EXIT.failure,
    meaning: {
      id: 'gagal: verify menemukan masalah, sebuah proyeksi gagal, skip ditolak, kerja sama tidak ditemukan, atau penyimpanan tidak ada, menolak, atau tidak dapat dibuka (kode dan sebabnya dicetak)',
      en: 'failure: verify found a problem, a projection has failed, a skip was refused, the agreement was not found, or the store does not exist, refused or could not be opened (its code and cause are printed)',
    },
  },
  {
    code: EXIT.usage,
    meaning: {
      id: 'salah pemakaian: perintah atau opsi tidak dikenal, nilai hilang atau tidak sah, argumen hilang atau berlebih, opsi yang bertentangan',
      en: 'usage error: unknown command or option, a missing or invalid value, a missing or extra argument, options that conflict',
    },
  },
]
