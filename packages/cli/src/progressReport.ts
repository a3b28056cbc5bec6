import cliProgress from 'cli-progress'
import type { Progress } from '@kerjasama/projections'
import type { CliIo } from './command'
import type { Wording } from './language'

export type ProgressReport = { onProgress: (progress: Progress) => void; finish: () => void }

/** At most one plain line per projection a second (by the runner's clock), and always the last. */
const PLAIN_INTERVAL_MS = 1000

/**
 * Rebuild progress: a bar per projection on a terminal (cli-progress), plain
 * lines on stderr otherwise — done / total, rate in events a second, time
 * left — so a log file or CI output gets readable lines, not bar redraws.
 */
export function progressReport(io: CliIo, wording: Wording): ProgressReport {
  return io.progressTerminal?.isTTY === true ? barReport(io.progressTerminal, wording) : plainReport(io, wording)
}

function plainReport(io: CliIo, wording: Wording): ProgressReport {
  const now = (): number => (io.clock?.() ?? new Date()).getTime()
  const lastLine = new Map<string, number>()
  return {
    onProgress(progress) {
      const at = now()
      const finished = progress.total !== null && progress.done >= progress.total
      const previous = lastLine.get(progress.projection)
      if (!finished && previous !== undefined && at - previous < PLAIN_INTERVAL_MS) return
      lastLine.set(progress.projection, at)
      io.err(progressLine(progress, wording))
    },
    finish: () => undefined,
  }
}

/** `register: 500/1200 events, 250 events/s, ETA 3 s` (Indonesian: peristiwa, peristiwa/dtk, sisa). */
export function progressLine(progress: Progress, wording: Wording): string {
  const en = wording.language === 'en'
  const name = progress.rebuilding ? `${progress.projection} (${en ? 'rebuild' : 'bangun ulang'})` : progress.projection
  const total = progress.total === null ? '?' : String(progress.total)
  const rate = rateText(progress.ratePerSecond)
  const eta = durationText(progress.etaMs, en)
  return en ? `${name}: ${progress.done}/${total} events, ${rate} events/s, ETA ${eta}` : `${name}: ${progress.done}/${total} peristiwa, ${rate} peristiwa/dtk, sisa ${eta}`
}

function rateText(perSecond: number): string {
  return perSecond >= 10 ? String(Math.round(perSecond)) : perSecond.toFixed(1)
}

export function durationText(ms: number | null, en: boolean): string {
  if (ms === null) return '?'
  const [second, minute, hour] = en ? ['s', 'min', 'h'] : ['dtk', 'mnt', 'jam']
  const seconds = Math.ceil(ms / 1000)
  if (seconds < 60) return `${seconds} ${second}`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} ${minute} ${seconds % 60} ${second}`
  return `${Math.floor(seconds / 3600)} ${hour} ${Math.floor((seconds % 3600) / 60)} ${minute}`
}

function barReport(stream: NodeJS.WritableStream, wording: Wording): ProgressReport {
  const en = wording.language === 'en'
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: en ? '{name} [{bar}] {value}/{total} events | {rate} events/s | ETA {etaText}' : '{name} [{bar}] {value}/{total} peristiwa | {rate} peristiwa/dtk | sisa {etaText}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  )
  const byProjection = new Map<string, cliProgress.SingleBar>()
  return {
    onProgress(progress) {
      const total = progress.total ?? progress.done
      const payload = { name: progress.projection, rate: rateText(progress.ratePerSecond), etaText: durationText(progress.etaMs, en) }
      const bar = byProjection.get(progress.projection)
      if (bar === undefined) byProjection.set(progress.projection, bars.create(total, progress.done, payload))
      else {
        bar.setTotal(total)
        bar.update(progress.done, payload)
      }
    },
    finish: () => bars.stop(),
  }
}
