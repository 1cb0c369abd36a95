/** What the words around a measure say about its figures (a stand-in until the vocabulary module holds them). */
const YTD_RE = /\b(ytd|year[- ]to[- ]date|cumulative(?:ly)?|in the current (?:financial )?year|so far this year|(?:apr|april)\s*[-–]\s*[a-z]{3,9}\b)/i;
const SINCE_LONG_AGO_RE = /cumulative(?:ly)?\s+(?:from|since)\s+[a-z]*\s*\d{4}/i;
const RATE_RE = /(%|\brate\b|\bper (?:1,?000|10,?000|100,?000|10k|100k)|\bpercentage\b|\bproportion\b|\bsurvey\b|\bsatisf|\bperception\b|\baverage\b)/i;

export function saysYearToDate(text: string): boolean {
  return YTD_RE.test(text) && !SINCE_LONG_AGO_RE.test(text);
}

export function saysRateOrSurvey(text: string): boolean {
  return RATE_RE.test(text);
}
