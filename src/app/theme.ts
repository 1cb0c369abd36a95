/** Which theme the host shows, and the colour test that decides it: pure, so a host can pick without React. */
export type ThemeKind = 'light' | 'dark';

/** True for a colour ("#1F1F1F", "1f1f1f", "#333") dark enough that text on it must be light. */
export function isDarkColour(colour: string): boolean {
  let hex = colour.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = [...hex].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  // Relative luminance as WCAG defines it; below about 0.18 white text has the better contrast.
  const lin = (c: number): number => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) < 0.18;
}
