/** S3 keeps milliseconds but reports times at second precision. */
export function toSeconds(epochMs: number): number {
  return Math.floor(epochMs / 1000) * 1000;
}

/** XML timestamps: `2026-11-27T13:50:05.000Z`. */
export function isoSeconds(epochMs: number): string {
  return new Date(toSeconds(epochMs)).toISOString();
}

/** HTTP dates: `Fri, 27 Nov 2026 13:50:05 GMT`. */
export function httpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}
