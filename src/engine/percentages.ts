/** Shares of a total, rounded as a published table needs them. */
export interface RoundedShares {
  percents: number[];
  /** Whether the shown percentages add up to exactly 100 (always true for a zero total, which shows zeros). */
  addsUp: boolean;
}

/** The most groups of distinct counts tried exhaustively; a summary table has a handful. */
const MAX_GROUPS = 16;

/**
 * Percentages rounded to `decimals` places such that equal counts show equal percentages, each shown
 * percentage is within one last place of the exact one (it is the exact value rounded down or up), and the
 * total is exactly 100 wherever those two allow; where they do not (three equal thirds), the nearest
 * rounding is kept and `addsUp` is false, so the table can say that its figures are rounded.
 *
 * @example roundShares([1, 1, 1]).percents // [33.3, 33.3, 33.3], addsUp false
 */
export function roundShares(counts: readonly number[], decimals = 1): RoundedShares {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return { percents: counts.map(() => 0), addsUp: true };
  const scale = 10 ** decimals;
  const exact = counts.map((c) => (c / total) * 100 * scale);
  const floors = exact.map((e) => Math.floor(e + 1e-9));
  const need = 100 * scale - floors.reduce((a, b) => a + b, 0);
  // Equal counts move together; a count whose share is already exact never moves.
  const groups = new Map<number, number[]>();
  counts.forEach((c, i) => {
    if (exact[i] - floors[i] < 1e-9) return;
    const g = groups.get(c);
    if (g) g.push(i);
    else groups.set(c, [i]);
  });
  const list = [...groups.values()];
  const chosen = list.length <= MAX_GROUPS ? bestSubset(list, need, (g) => exact[g[0]] - floors[g[0]]) : null;
  if (chosen) {
    const out = [...floors];
    for (const g of chosen) for (const i of g) out[i] += 1;
    return { percents: out.map((f) => f / scale), addsUp: true };
  }
  const nearest = exact.map((e) => Math.round(e + 1e-9));
  const sum = nearest.reduce((a, b) => a + b, 0);
  return { percents: nearest.map((f) => f / scale), addsUp: sum === 100 * scale };
}

/** The groups to round up so that exactly `need` members move, preferring those nearest to rounding up anyway. */
function bestSubset(groups: number[][], need: number, fraction: (g: number[]) => number): number[][] | null {
  let best: { mask: number; score: number } | null = null;
  for (let mask = 0; mask < 1 << groups.length; mask++) {
    let members = 0;
    let score = 0;
    for (let k = 0; k < groups.length; k++) {
      if (!(mask & (1 << k))) continue;
      members += groups[k].length;
      score += (fraction(groups[k]) - 0.5) * groups[k].length;
    }
    if (members === need && (!best || score > best.score)) best = { mask, score };
  }
  return best ? groups.filter((_, k) => best!.mask & (1 << k)) : null;
}

/** Percentages as roundShares gives them, for callers that only show them. */
export function roundedPercentages(counts: readonly number[], decimals = 1): number[] {
  return roundShares(counts, decimals).percents;
}

/** Shows a percentage with one decimal ("23.6%"). */
export function formatPercent(p: number, decimals = 1): string {
  return `${p.toFixed(decimals)}%`;
}
