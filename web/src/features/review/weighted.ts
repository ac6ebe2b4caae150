/** An expert's weighted total as the server computes it: Σ weight% × score / 100, rounded to two decimals. */
export function weightedTotal(
  criteria: readonly { key: string; weight: number }[],
  scores: Record<string, number | null | undefined>,
): number | null {
  let total = 0;
  for (const c of criteria) {
    const s = scores[c.key];
    if (s === null || s === undefined || !Number.isFinite(s)) return null;
    total += (s * c.weight) / 100;
  }
  return Math.round(total * 100) / 100;
}
