/**
 * Ids that are predictable and sort in creation order, like ulids do, so a
 * deterministic run can be compared event by event.
 */
export function sequentialIds(prefix = 'id'): () => string {
  let next = 0
  return () => {
    next += 1
    return `${prefix}-${String(next).padStart(6, '0')}`
  }
}
