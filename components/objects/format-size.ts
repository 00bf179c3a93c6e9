const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** "12.3 KB", binary multiples as the AWS console shows them. */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
