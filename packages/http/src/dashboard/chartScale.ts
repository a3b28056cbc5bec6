/** Round tick steps (1, 2, 5, 10, 20, 50 …) so an axis of counts never shows 2.5 agreements. */
export function countTicks(max: number, wanted = 5): number[] {
  if (max <= 0) return [0, 1]
  const rough = max / wanted
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(rough, 1)))
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude
  const top = Math.ceil(max / step) * step
  const ticks: number[] = []
  for (let value = 0; value <= top; value += step) ticks.push(value)
  return ticks
}

/** Text too long for a chart's label column is cut with an ellipsis; the table beside it holds the whole text. */
export function shortLabel(label: string, maxCharacters: number): string {
  const characters = [...label]
  return characters.length <= maxCharacters ? label : `${characters.slice(0, maxCharacters - 1).join('')}…`
}
