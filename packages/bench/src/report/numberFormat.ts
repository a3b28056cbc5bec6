/** Figures to three significant digits or whole numbers, with thousands separators: 12,345 · 123 · 12.3 · 1.23 · 0.123. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return '—'
  const magnitude = Math.abs(value)
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function formatRatio(value: number | undefined): string {
  if (value === undefined) return '—'
  return `${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}×`
}

export function formatSpread(value: number): string {
  return `±${Math.round(value * 100)}%`
}
