/** SQLite integers are signed 64-bit; a position beyond this cannot exist. */
export const MAX_POSITION = 2n ** 63n - 1n
