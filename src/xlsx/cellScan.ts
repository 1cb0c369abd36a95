/**
 * Finds the <c> elements of a worksheet row by position (indexOf and character tests) rather than by a
 * regular expression per cell: a large sheet has millions of cells, and both the reader and the patcher
 * walk them. A scanner serves every cell of the text it is made for (a part's rows, or one row's cells),
 * so a cell costs no object.
 */

/** A one-letter attribute of a cell's or a row's tag ('r="', 's="' or 't="'), found by position; undefined when the tag has none. */
export function attributeIn(attrs: string, needle: string): string | undefined {
  let i = attrs.indexOf(needle);
  while (i >= 0) {
    const before = attrs.charCodeAt(i - 1);
    // Only a whole attribute name: "s" of ' s="3"', not the end of 'cs="3"' (i is never 0: a tag's attributes start with white space).
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      const close = attrs.indexOf('"', i + 3);
      return close < 0 ? undefined : attrs.slice(i + 3, close);
    }
    i = attrs.indexOf(needle, i + 1);
  }
  return undefined;
}

export class CellScanner {
  /** Where the cell found last starts ("<c") and where its element ends (after "/>" or "</c>"). */
  start = 0;
  end = 0;
  /** Its tag's attributes, from the space after "<c" to before ">" or "/>". */
  attrs = '';
  /** Where its content starts and ends; equal for a self-closing cell. */
  innerStart = 0;
  innerEnd = 0;

  constructor(private readonly text: string) {}

  /** Finds the first cell that starts at or after `from` and before `limit`; false when there is none, or the text is cut. */
  next(from: number, limit: number): boolean {
    const text = this.text;
    let at = text.indexOf('<c', from);
    while (at >= 0 && at < limit) {
      const after = text.charCodeAt(at + 2);
      // "<c" followed by a name character is another element ("<customPr"), not a cell.
      if (after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13) break;
      at = text.indexOf('<c', at + 2);
    }
    if (at < 0 || at >= limit) return false;
    const tagEnd = text.indexOf('>', at + 2);
    if (tagEnd < 0) return false;
    const selfClosing = text.charCodeAt(tagEnd - 1) === 47;
    this.start = at;
    this.attrs = text.slice(at + 2, selfClosing ? tagEnd - 1 : tagEnd);
    this.innerStart = tagEnd + 1;
    if (selfClosing) {
      this.innerEnd = tagEnd + 1;
      this.end = tagEnd + 1;
      return true;
    }
    const close = text.indexOf('</c>', tagEnd + 1);
    if (close < 0) return false;
    this.innerEnd = close;
    this.end = close + 4;
    return true;
  }
}
