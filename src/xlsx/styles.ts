/**
 * The style sheet: what number format each cell style shows (for reading values), and new cell styles for
 * the cells the tool writes. New fonts, fills, formats and cell styles are appended after the workbook's
 * own, so every existing style index keeps its meaning and no cell the tool does not own changes look.
 */
import type { CellStyle } from '../workbook/grid';
import { attribute, elements, escapeXml, withAttribute } from './xml';

/** Excel's built-in number formats by id (ECMA-376 18.8.30), the ones a file may use without listing. */
const BUILT_IN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

interface Section {
  /** The section's start tag, e.g. `<fonts count="3">`; undefined when the file has none. */
  open?: string;
  items: string[];
  start: number;
  end: number;
}

const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

function section(xml: string, name: string, child: string): Section {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?(/?)>`);
  const m = re.exec(xml);
  if (!m) return { items: [], start: -1, end: -1 };
  if (m[1] === '/') return { open: m[0].replace(/\/>$/, '>'), items: [], start: m.index, end: m.index + m[0].length };
  const close = `</${name}>`;
  const endAt = xml.indexOf(close, m.index);
  const body = xml.slice(m.index + m[0].length, endAt);
  return { open: m[0], items: elements(body, child).map((e) => e.text), start: m.index, end: endAt + close.length };
}

function styleKey(s: CellStyle, underline: boolean): string {
  return `${s.fill}|${s.fontColor}|${s.bold}|${s.italic}|${underline}|${s.wrap}|${s.numberFormat}|${s.horizontalAlignment}`;
}

export class StyleBook {
  private xml: string;
  private readonly numFmts: Map<number, string>;
  private readonly fonts: Section;
  private readonly fills: Section;
  private readonly xfs: Section;
  private readonly numFmtSection: Section;
  private readonly added = { fonts: [] as string[], fills: [] as string[], xfs: [] as string[], numFmts: [] as string[] };
  private readonly made = new Map<string, number>();
  private nextNumFmt = 164;
  /** The number format code of each cell style, by index. */
  readonly formats: (string | null)[];

  constructor(xml: string | undefined) {
    this.xml = xml ?? EMPTY_STYLES;
    this.numFmtSection = section(this.xml, 'numFmts', 'numFmt');
    this.numFmts = new Map();
    for (const item of this.numFmtSection.items) {
      const id = Number(attribute(item, 'numFmtId'));
      const code = attribute(item, 'formatCode');
      if (Number.isFinite(id) && code !== undefined) this.numFmts.set(id, code);
      if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
    }
    this.fonts = section(this.xml, 'fonts', 'font');
    this.fills = section(this.xml, 'fills', 'fill');
    this.xfs = section(this.xml, 'cellXfs', 'xf');
    this.formats = this.xfs.items.map((xf) => {
      const id = Number(attribute(xf, 'numFmtId') ?? 0);
      const code = this.numFmts.get(id) ?? BUILT_IN[id] ?? null;
      return code === 'General' ? null : code;
    });
  }

  /** The number format a cell style shows, or null for General. */
  formatOf(xf: number): string | null {
    return this.formats[xf] ?? null;
  }

  get changed(): boolean {
    return this.added.xfs.length > 0;
  }

  /**
   * A cell style that is the cell's own (`base`) with the tool's changes on top: fill, font colour, weight,
   * alignment, number format. Made once per pair and shared by every cell that asks for it.
   */
  styleFor(base: number, style: CellStyle, underline = false): number {
    const key = `${base}|${styleKey(style, underline)}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const baseXf = this.xfs.items[base] ?? this.xfs.items[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    let open = /^<xf\b[^>]*?\/?>/.exec(baseXf)?.[0] ?? '<xf/>';
    open = open.replace(/\/>$/, '>');
    if (style.fill) {
      const fill = `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill.toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`;
      open = withAttribute(withAttribute(open, 'fillId', String(this.add('fills', fill))), 'applyFill', '1');
    }
    if (style.fontColor !== undefined || style.bold !== undefined || style.italic !== undefined || underline) {
      const fontId = Number(attribute(open, 'fontId') ?? 0);
      const font = this.fontWith(this.fontXml(fontId), style, underline);
      open = withAttribute(withAttribute(open, 'fontId', String(this.add('fonts', font))), 'applyFont', '1');
    }
    if (style.numberFormat !== undefined) {
      open = withAttribute(withAttribute(open, 'numFmtId', String(this.numFmtId(style.numberFormat))), 'applyNumberFormat', '1');
    }
    let body = /<alignment\b[^>]*\/>/.exec(baseXf)?.[0] ?? '';
    if (style.wrap !== undefined || style.horizontalAlignment !== undefined) {
      let alignment = body || '<alignment/>';
      if (style.wrap !== undefined) alignment = withAttribute(alignment, 'wrapText', style.wrap ? '1' : '0');
      if (style.horizontalAlignment !== undefined) alignment = withAttribute(alignment, 'horizontal', style.horizontalAlignment);
      body = alignment;
      open = withAttribute(open, 'applyAlignment', '1');
    }
    const protection = /<protection\b[^>]*\/>/.exec(baseXf)?.[0] ?? '';
    const xf = `${open}${body}${protection}</xf>`;
    const index = this.add('xfs', xf);
    this.made.set(key, index);
    return index;
  }

  private fontXml(id: number): string {
    return this.fonts.items[id] ?? this.added.fonts[id - this.fonts.items.length] ?? '<font><sz val="11"/><name val="Calibri"/></font>';
  }

  private fontWith(font: string, style: CellStyle, underline: boolean): string {
    let body = font.replace(/^<font\b[^>]*>/, '').replace(/<\/font>$/, '');
    if (font.endsWith('/>')) body = '';
    // Child order is fixed by the schema: b, i, strike, …, color, sz, u, …, name, family, scheme.
    const drop = (tag: string) => (body = body.replace(new RegExp(`<${tag}\\b[^>]*/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g'), ''));
    if (style.bold !== undefined) drop('b');
    if (style.italic !== undefined) drop('i');
    if (style.fontColor !== undefined) drop('color');
    if (underline) drop('u');
    const lead = `${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}`;
    const colour = style.fontColor !== undefined ? `<color rgb="FF${style.fontColor.toUpperCase()}"/>` : '';
    // Colour sits before sz; underline after it.
    const sz = body.search(/<sz\b/);
    if (sz >= 0) body = `${body.slice(0, sz)}${colour}${body.slice(sz)}`;
    else body = `${colour}${body}`;
    if (underline) {
      const after = /<sz\b[^>]*\/>/.exec(body);
      body = after ? body.replace(after[0], `${after[0]}<u/>`) : `${body}<u/>`;
    }
    return `<font>${lead}${body}</font>`;
  }

  private numFmtId(code: string): number {
    for (const [id, c] of this.numFmts) if (c === code) return id;
    const builtIn = Object.entries(BUILT_IN).find(([, c]) => c === code);
    if (builtIn) return Number(builtIn[0]);
    const id = this.nextNumFmt++;
    this.numFmts.set(id, code);
    this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private add(kind: 'fonts' | 'fills' | 'xfs', xml: string): number {
    const existing = kind === 'fonts' ? this.fonts : kind === 'fills' ? this.fills : this.xfs;
    this.added[kind].push(xml);
    return existing.items.length + this.added[kind].length - 1;
  }

  /** The style sheet with what was added, or the original text when nothing was. */
  toXml(): string {
    if (!this.changed && this.added.numFmts.length === 0) return this.xml;
    let xml = this.xml;
    // From the end of the file backwards, so earlier offsets stay right.
    const edits: { s: Section; name: string; items: string[]; before?: string }[] = [
      { s: this.xfs, name: 'cellXfs', items: this.added.xfs },
      { s: this.fills, name: 'fills', items: this.added.fills },
      { s: this.fonts, name: 'fonts', items: this.added.fonts },
      { s: this.numFmtSection, name: 'numFmts', items: this.added.numFmts, before: '<fonts' },
    ].sort((a, b) => b.s.start - a.s.start);
    for (const e of edits) {
      if (!e.items.length) continue;
      const count = e.s.items.length + e.items.length;
      if (e.s.start < 0) {
        const at = xml.indexOf(e.before ?? `</styleSheet>`);
        xml = `${xml.slice(0, at)}<${e.name} count="${count}">${e.items.join('')}</${e.name}>${xml.slice(at)}`;
        continue;
      }
      const section = xml.slice(e.s.start, e.s.end);
      const open = withAttribute(e.s.open as string, 'count', String(count));
      const wasEmpty = section.endsWith('/>');
      const body = wasEmpty ? '' : section.slice((e.s.open as string).length, section.length - `</${e.name}>`.length);
      xml = `${xml.slice(0, e.s.start)}${open}${body}${e.items.join('')}</${e.name}>${xml.slice(e.s.end)}`;
    }
    return xml;
  }
}
