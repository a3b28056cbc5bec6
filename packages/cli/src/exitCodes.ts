import type { LocalizedMessage } from '@kerjasama/core'

/** What the process exit code tells a script; the help text and packages/cli/README.md list the same (a test keeps them so). */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export const EXIT_CODE_MEANINGS: ReadonlyArray<{ code: ExitCode; meaning: LocalizedMessage }> = [
  { code: EXIT.ok, meaning: { id: 'berhasil; verify: setiap rantai yang diperiksa utuh', en: 'success; verify: every chain checked is intact' } },
  {
    code: EXIT.failure,
    meaning: {
      id: 'gagal: verify menemukan masalah, atau penyimpanan menolak atau tidak dapat dibuka (kode dan sebabnya dicetak)',
      en: 'failure: verify found a problem, or the store refused or could not be opened (its code and cause are printed)',
    },
  },
  {
    code: EXIT.usage,
    meaning: {
      id: 'salah pemakaian: perintah atau opsi tidak dikenal, nilai hilang, argumen berlebih',
      en: 'usage error: unknown command or option, missing value, extra argument',
    },
  },
]
