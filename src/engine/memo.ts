/**
 * Remembers the answers of a pure function of a text. A scorecard repeats its wordings (frequency, polarity,
 * targets, measure names) down thousands of rows and each row is read up to three times, so most questions
 * have been asked before. Bounded: past `limit` answers it starts again, so a sheet of unique texts costs
 * one Map and nothing more.
 *
 * @example const polarityOf = memoByText(readPolarity); polarityOf('High') // read once, then remembered
 */
export function memoByText<T>(answer: (text: string) => T, limit = 5000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    if (known.size >= limit) known.clear();
    const result = answer(text);
    known.set(text, result);
    return result;
  };
}
