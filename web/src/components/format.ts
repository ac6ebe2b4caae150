/** "2026-03-01 14:05:09" in Beijing time (UTC+8, no daylight saving), whatever the browser's zone. */
export function formatBeijing(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}
