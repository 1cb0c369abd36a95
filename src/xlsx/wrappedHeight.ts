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

/** Lines a text takes wrapped at word breaks in a column `width` characters wide: "a b", 1 → 2. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width * TEXT_PER_WIDTH));
  // Every explanation of a large sheet is measured: one that fits on a line is told apart at once.
  if (text.length <= room && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const [word] of paragraph.matchAll(/\S+/g)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= room) used = need;
      else {
        // A word longer than a line breaks inside itself, filling lines.
        lines += used === 0 ? Math.floor((word.length - 1) / room) : 1 + Math.floor((word.length - 1) / room);
        used = ((word.length - 1) % room) + 1;
      }
    }
  }
  return lines;
}

/** The row height, in points, that shows `text` whole in a column `width` characters wide. */
export function wrappedHeight(text: string, width: number): number {
  return wrappedLines(text, width) * LINE_POINTS;
}
