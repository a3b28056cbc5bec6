#!/usr/bin/env node
import { runCli } from './index'

// `kerjasama register | head`: once the reader has gone, the rest of the answer has nowhere to go; stop quietly rather than with a stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}

// No stop signal is passed: serve listens for SIGINT and SIGTERM itself while it serves, and every other command keeps Ctrl+C's usual meaning.
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // Tables fit the terminal; written to a file or a pipe they keep every character.
  ...(process.stdout.isTTY && process.stdout.columns !== undefined ? { columns: process.stdout.columns } : {}),
  ...(process.stderr.isTTY ? { progressTerminal: process.stderr } : {}),
})
process.exitCode = code
