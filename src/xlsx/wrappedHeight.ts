/**
 * How tall a row must be for a wrapped sentence to show whole: Excel and LibreOffice keep a row's stored
 * height when a file opens, so a row whose text wraps onto three lines needs the height of three.
 */

/** Points per line of the default 11-point font, as Excel's default row height. */
const LINE_POINTS = 15;
/**
 * Characters of running text per character of column width: a width counts the widest digit, and text in
 * a proportional font is narrower. Kept low so that a line is never thought to fit when it does not.
 */
const TEXT_PER_WIDTH = 1.1;

/** Whether a UTF-16 code unit is white space as a regular expression's \s takes it (the line feed apart). */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Lines a text takes wrapped at word breaks in a column `width` characters wide: "a b", 1 → 2. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width * TEXT_PER_WIDTH));
  // Every explanation of a large sheet is measured: one that fits on a line is told apart at once.
  if (text.length <= room && !text.includes('\n')) return 1;
  // Words are runs of anything but white space, found by a scan of the text rather than a match object
  // per word; a line feed starts a new line.
  let lines = 1;
  let used = 0;
  let word = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (!isSpace(c)) {
      word++;
      continue;
    }
    if (word > 0) {
      const need = used === 0 ? word : used + 1 + word;
      if (need <= room) used = need;
      else {
        // A word longer than a line breaks inside itself, filling lines.
        lines += used === 0 ? Math.floor((word - 1) / room) : 1 + Math.floor((word - 1) / room);
        used = ((word - 1) % room) + 1;
      }
      word = 0;
    }
    if (c === 10 && i < n) {
      lines++;
      used = 0;
    }
  }
  return lines;
}

/** The row height, in points, that shows `text` whole in a column `width` characters wide. */
export function wrappedHeight(text: string, width: number): number {
  return wrappedLines(text, width) * LINE_POINTS;
}
