import { attributeIn, CellScanner } from '../../src/xlsx/cellScan';

/** Every cell the scanner finds in a row's text: its attributes and content. */
function scan(text: string): { attrs: string; inner: string }[] {
  const s = new CellScanner(text);
  const out: { attrs: string; inner: string }[] = [];
  let from = 0;
  while (s.next(from, text.length)) {
    out.push({ attrs: s.attrs, inner: text.slice(s.innerStart, s.innerEnd) });
    from = s.end;
  }
  return out;
}

describe('CellScanner', () => {
  it('finds self-closing, empty and filled cells with their attributes and content', () => {
    expect(scan('<c r="A1"/><c r="B1" s="2"></c>\n  <c r="C1" t="s"><v>3</v></c>')).toEqual([
      { attrs: ' r="A1"', inner: '' },
      { attrs: ' r="B1" s="2"', inner: '' },
      { attrs: ' r="C1" t="s"', inner: '<v>3</v>' },
    ]);
  });

  it('takes a bare <c> as a cell and skips other elements whose names start with c', () => {
    expect(scan('<customPr/><c><v>1</v></c><col min="1"/>')).toEqual([{ attrs: '', inner: '<v>1</v>' }]);
  });

  it('stops at a cut cell rather than reading past it', () => {
    expect(scan('<c r="A1"><v>1</v></c><c r="B1"><v>2</v>')).toEqual([{ attrs: ' r="A1"', inner: '<v>1</v>' }]);
    expect(scan('<c r="A1"')).toEqual([]);
  });

  it('finds no cell that starts at or after the limit', () => {
    const text = '<c r="A1"/><c r="B1"/>';
    const s = new CellScanner(text);
    expect(s.next(0, 5)).toBe(true);
    expect(s.next(s.end, s.end)).toBe(false);
  });
});

describe('attributeIn', () => {
  it('reads a whole one-letter attribute, not the end of a longer name', () => {
    expect(attributeIn(' r="B2" cs="4" s="7"', 's="')).toBe('7');
    expect(attributeIn(' r="B2" cs="4"', 's="')).toBeUndefined();
    expect(attributeIn('\tt="inlineStr"', 't="')).toBe('inlineStr');
    expect(attributeIn(' s="7', 's="')).toBeUndefined();
  });
});
