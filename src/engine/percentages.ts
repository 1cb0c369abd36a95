/**
 * Percentages rounded to `decimals` places that add up to exactly 100 (largest remainder method),
 * so a published table never shows 99.9 or 100.1. Zero total gives all zeros.
 */
export function roundedPercentages(counts: readonly number[], decimals = 1): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map(() => 0);
  const scale = 10 ** decimals;
  const exact = counts.map((c) => (c / total) * 100 * scale);
  const floors = exact.map((e) => Math.floor(e + 1e-9));
  let short = 100 * scale - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rem: e - floors[i] }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (short <= 0) break;
    floors[i] += 1;
    short -= 1;
  }
  return floors.map((f) => f / scale);
}

/** Shows a percentage with one decimal ("23.6%"). */
export function formatPercent(p: number, decimals = 1): string {
  return `${p.toFixed(decimals)}%`;
}
