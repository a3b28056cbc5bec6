const MB = 1024 * 1024

/**
 * The process's peak resident set so far, in MB: the kernel's high-water
 * mark (getrusage's maxrss), which sees peaks between two samples, and
 * while synchronous code (better-sqlite3) never yields to a timer.
 */
export const peakRssMb = (): number => (process.resourceUsage().maxRSS * 1024) / MB

export const currentRssMb = (): number => process.memoryUsage().rss / MB
