#!/usr/bin/env node
import { runCli } from './index'

// No stop signal is passed: serve listens for SIGINT and SIGTERM itself while it serves, and every other command keeps Ctrl+C's usual meaning.
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // Tables fit the terminal; written to a file or a pipe they keep every character.
  ...(process.stdout.isTTY && process.stdout.columns !== undefined ? { columns: process.stdout.columns } : {}),
  ...(process.stderr.isTTY ? { progressTerminal: process.stderr } : {}),
})
process.exitCode = code
