const utcDateTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'long',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

/**
 * "November 27, 2026 at 1:46:29 PM UTC". Fixed locale and zone so the server render and the browser agree
 * (otherwise hydration would differ by the visitor's time zone).
 */
export function formatUtcDateTime(iso: string): string {
  return `${utcDateTime.format(new Date(iso))} UTC`;
}
