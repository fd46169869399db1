/**
 * msgpackr's timestamp extension (type -1) with msgpackr's own arithmetic, so
 * dates read by the projection equal those msgpackr returns to the millisecond
 * (including its rounding of the nanosecond part). `len` is 4, 8 or 12.
 */
export function decodeTimestamp(d: Uint8Array, p: number, len: number): Date {
  return new Date(timestampTime(d, p, len));
}

/** The time value `new Date(...)` is built from (it and `setTime` clip it the same way). */
export function timestampTime(d: Uint8Array, p: number, len: number): number {
  if (len === 4) return (d[p] * 0x1000000 + (d[p + 1] << 16) + (d[p + 2] << 8) + d[p + 3]) * 1000;
  if (len === 8) {
    return (
      ((d[p] << 22) + (d[p + 1] << 14) + (d[p + 2] << 6) + (d[p + 3] >> 2)) / 1000000 +
        ((d[p + 3] & 0x3) * 0x100000000 + d[p + 4] * 0x1000000 + (d[p + 5] << 16) + (d[p + 6] << 8) + d[p + 7]) * 1000
    );
  }
  return (
    ((d[p] << 24) + (d[p + 1] << 16) + (d[p + 2] << 8) + d[p + 3]) / 1000000 +
      ((d[p + 4] & 0x80 ? -0x1000000000000 : 0) +
        d[p + 6] * 0x10000000000 +
        d[p + 7] * 0x100000000 +
        d[p + 8] * 0x1000000 +
        (d[p + 9] << 16) +
        (d[p + 10] << 8) +
        d[p + 11]) *
        1000
  );
}
