/**
 * An .xlsx package opened for the tool: the sheets read as grids, the owned cells written by editing their
 * rows, the tool's own sheets added or replaced, and everything else copied as it came. The parts edited
 * are the rated sheets, the style sheet (styles appended), the workbook part, its relationships and the
 * content types (only when a sheet of the tool's is added); no other byte of the file changes.
 *
 * Longer than most modules: one class holds the package's parts (read, edited, added) and every edit goes
 * through it; planning the cells (cellPuts.ts), patching rows (sheetPatch.ts), the tool's sheets
 * (ownedSheetXml.ts, chartXml.ts) and the zip (zip.ts, partSink.ts) are modules of their own.
 */
import { isOwnedMarkName, ownedKindOf, ownedMarkValue, planOwnedSheetNames, OWNED_MARK } from '../scorecard/ownedIdentity';
import type { OwnedKind } from '../scorecard/ownedIdentity';
import { readScorecard } from '../scorecard/readScorecard';
import { ScorecardError } from '../scorecard/types';
import type { Warning } from '../scorecard/types';
import type { CellStyle, CellWrite, SheetContent, SheetGrid } from '../workbook/grid';
import { planPuts } from './cellPuts';
import { chartXml, drawingXml } from './chartXml';
import { writeOwnedSheet } from './ownedSheetXml';
import { PartSink } from './partSink';
import { withSheetTitle } from './appProperties';
import { parseRelationships, readWorkbookMap, relativeTarget, relsPathOf, resolveTarget } from './parts';
import type { WorkbookMap } from './parts';
import { readSharedStrings } from './sharedStrings';
import { readSheet } from './sheetRead';
import { patchSheetInto } from './sheetPatch';
import { StyleBook } from './styles';
import { escapeXml } from './xml';
import { bytesSource, partText, partTextStart, readZip, textBytes, writeZip, writeZipAsync, writeZipChunks, ZipError } from './zip';
import type { ByteSource, Codec, DeflatedPart, FileChunk, ZipEntry, ZipPart } from './zip';


const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';



/** Excel 97-2003 files and password-protected workbooks are OLE compound files with this signature. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/** Bytes that cannot be an .xlsx at all, said in words a person can act on before any zip reading. */
function refuseNonPackage(source: ByteSource): void {
  const bytes = source.read(0, OLE_SIGNATURE.length);
  if (bytes.length === 0) throw new ScorecardError('the file is empty: not an .xlsx workbook');
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new ScorecardError('an Excel 97-2003 .xls file or a password-protected workbook: save it as an unprotected .xlsx and try again');
  }
  // Every .xlsx is a zip archive, which starts with "PK".
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ScorecardError('not an .xlsx workbook (it is not a zip archive)');
}

/** A sheet part this large (compressed) is first looked at from its top only. */
const LARGE_SHEET = 1 << 20;
/** How much of it, compressed, and how many of its rows, the look takes. */
const SHEET_TOP = 1 << 18;
const TOP_ROWS = 1000;

/** Whether a sheet's grid has a scorecard header (one that names its columns, well or badly). */
function holdsScorecardHeader(grid: SheetGrid): boolean {
  try {
    return readScorecard(grid) !== null;
  } catch {
    // A header whose columns fall short is still a header: the whole sheet is read, and the rating says why.
    return true;
  }
}

const utf8 = new TextDecoder('utf-8');

type Edited = string | Uint8Array | DeflatedPart;

function partOf(name: string, part: Edited): ZipPart {
  if (typeof part === 'string') return { name, bytes: textBytes(part) };
  return part instanceof Uint8Array ? { name, bytes: part } : { name, deflated: part };
}

export class WorkbookPackage {
  private readonly entries: ZipEntry[];
  private readonly byName: Map<string, ZipEntry>;
  private readonly texts = new Map<string, string>();
  /** Parts the tool changed or added, by name: text, or a sheet's bytes (compressed as made when large). */
  private readonly edited = new Map<string, Edited>();
  private readonly newParts: string[] = [];
  readonly map: WorkbookMap;
  private stylesBook?: StyleBook;
  private shared?: string[];

  private constructor(entries: ZipEntry[], private readonly codec: Codec) {
    this.entries = entries;
    this.byName = new Map(entries.map((e) => [e.name, e]));
    const map = readWorkbookMap((part) => this.text(part));
    if (!map) throw new ScorecardError('not a workbook: it is a zip archive, but holds no Excel workbook part');
    this.map = map;
  }

  /** Opens a package. Throws ScorecardError, in words a person can act on, for bytes that are not one. */
  static open(input: Uint8Array | ByteSource, codec: Codec): WorkbookPackage {
    refuseNonPackage(input instanceof Uint8Array ? bytesSource(input) : input);
    try {
      return new WorkbookPackage(readZip(input), codec);
    } catch (e) {
      if (e instanceof ZipError) throw new ScorecardError(`damaged, truncated or not a workbook: cannot read it as .xlsx (${e.message})`);
      throw e;
    }
  }

  /** A part's text, or undefined when the package has no such part. */
  text(part: string): string | undefined {
    const edited = this.edited.get(part);
    if (edited !== undefined) return typeof edited === 'string' ? edited : utf8.decode(edited instanceof Uint8Array ? edited : this.codec.inflate(edited.data, edited.size));
    let t = this.texts.get(part);
    if (t === undefined) {
      const entry = this.byName.get(part);
      if (!entry) return undefined;
      try {
        t = partText(entry, this.codec);
      } catch (e) {
        throw new ScorecardError(`damaged: the part ${part} cannot be read (${e instanceof Error ? e.message : String(e)})`);
      }
      this.texts.set(part, t);
    }
    return t;
  }

  private get styles(): StyleBook {
    if (!this.stylesBook) this.stylesBook = new StyleBook(this.map.stylesPart ? this.text(this.map.stylesPart) : undefined);
    return this.stylesBook;
  }

  private get sharedStrings(): string[] {
    if (!this.shared) this.shared = this.map.sharedStringsPart ? readSharedStrings(this.text(this.map.sharedStringsPart) ?? '') : [];
    return this.shared;
  }

  /** The kind of tool sheet a sheet is, by its mark; null for a sheet of the user's. */
  ownedKind(sheetName: string): OwnedKind | null {
    const index = this.map.sheets.findIndex((s) => s.name === sheetName);
    return index < 0 ? null : this.kindAt(index);
  }

  private kindAt(index: number): OwnedKind | null {
    const mark = this.map.definedNames.find((d) => isOwnedMarkName(d.name) && d.localSheetId === index);
    return mark ? ownedKindOf(mark.value) : null;
  }

  /** Every worksheet as a grid, in tab order. Chart sheets and sheets whose part is missing are left out. */
  grids(): SheetGrid[] {
    const out: SheetGrid[] = [];
    for (const [index, s] of this.map.sheets.entries()) {
      if (s.kind !== 'worksheet' || !s.part) continue;
      const kind = this.kindAt(index);
      const grid = (!kind && this.topOfLargeSheet(s.name, s.part)) || this.wholeSheet(s.name, s.part);
      if (!grid) continue;
      out.push(kind ? { ...grid, ownedKind: kind } : grid);
    }
    return out;
  }

  private wholeSheet(name: string, part: string): SheetGrid | null {
    const xml = this.text(part);
    if (xml === undefined) return null;
    // Only the tail is looked at: a regular expression anchored at the end still scans a large sheet whole.
    if (!/<\/(?:[\w-]+:)?worksheet>\s*$/.test(xml.slice(-4096))) {
      throw new ScorecardError(`damaged: the sheet's XML (${part}) stops before its end, so it cannot be read`, { sheet: name });
    }
    const { hiddenColumns: _hidden, ...grid } = readSheet(name, xml, this.sharedStrings, (xf) => this.styles.formatOf(xf));
    // The text is kept for the writing of the rated cells: inflating and decoding a large sheet again costs
    // more time than holding its text costs memory (a third of a second and 60 MB at 100,000 rows).
    return grid;
  }

  /**
   * The top rows of a large sheet that holds no scorecard header in them (a data sheet of a million rows
   * beside the scorecard): only its start is inflated, so it costs what a small sheet costs. Null when the
   * sheet is small, or its top holds a header, so that it is read whole.
   */
  private topOfLargeSheet(name: string, part: string): SheetGrid | null {
    const entry = this.byName.get(part);
    if (!entry || this.edited.has(part) || entry.compressedSize < LARGE_SHEET) return null;
    const start = partTextStart(entry, this.codec, SHEET_TOP);
    let cut = -1;
    for (let i = 0, at = 0; i < TOP_ROWS; i++) {
      const next = start.indexOf('</row>', at);
      if (next < 0) break;
      cut = next + 6;
      at = cut;
    }
    if (cut < 0) return null;
    const top = `${start.slice(0, cut)}</sheetData></worksheet>`;
    const { hiddenColumns: _hidden, ...grid } = readSheet(name, top, this.sharedStrings, (xf) => this.styles.formatOf(xf));
    return holdsScorecardHeader(grid) ? null : grid;
  }

  /**
   * Writes the planned cells of one sheet. A cell inside a merged area other than its first, or past the
   * last column Excel has, is not written and is reported. The explanation column is made wide enough and
   * visible, and its sentences wrap in it: it is the tool's own.
   */
  writeCells(sheetName: string, writes: readonly CellWrite[], explanationCol?: number): Warning[] {
    const entry = this.map.sheets.find((s) => s.name === sheetName);
    if (!entry?.part) throw new ScorecardError(`sheet "${sheetName}" was rated but is not in the workbook`, { sheet: sheetName });
    const xml = this.text(entry.part) as string;
    const { puts, columns, warnings } = planPuts(sheetName, xml, writes, explanationCol, (style, wrap) => this.styleMaker(wrap ? this.wrapped(style) : style));
    if (puts.size || columns.length) {
      const sink = new PartSink(this.codec);
      patchSheetInto(sink, xml, puts, columns);
      this.edited.set(entry.part, sink.finish());
      this.texts.delete(entry.part);
    }
    return warnings;
  }

  private readonly makers = new Map<CellStyle | undefined, (old: number) => number>();
  private readonly wraps = new Map<CellStyle | undefined, CellStyle>();

  /** The style with its text wrapped, one object per style so its maker is found again for every cell. */
  private wrapped(style: CellStyle | undefined): CellStyle {
    let out = this.wraps.get(style);
    if (!out) this.wraps.set(style, (out = { ...style, wrap: true }));
    return out;
  }

  private styleMaker(style: CellStyle | undefined): (old: number) => number {
    let maker = this.makers.get(style);
    if (!maker) {
      // A package without a style sheet (rare, hand-made) keeps its cells unstyled rather than gain one.
      // Each maker remembers its answer per style the cell had: a run asks it once per written cell.
      const made = new Map<number, number>();
      maker =
        style && this.map.stylesPart
          ? (old: number) => {
              let s = made.get(old);
              if (s === undefined) made.set(old, (s = this.styles.styleFor(old, style)));
              return s;
            }
          : (old: number) => old;
      this.makers.set(style, maker);
    }
    return maker;
  }

  /**
   * Puts one of the tool's sheets in the workbook: in place of the sheet carrying its mark (whatever that
   * sheet is called now), else as a new sheet at the end, under its own name or, when a sheet of the user's
   * holds that name, another ("Scorecard summary"), with a warning. Returns the name it went under.
   */
  putOwnedSheet(content: SheetContent): { name: string; warning?: Warning } {
    const kind = content.ownedKind;
    const index = this.map.sheets.findIndex((_, i) => this.kindAt(i) === kind);
    const sheet = index >= 0 ? this.map.sheets[index] : undefined;
    if (sheet?.part) {
      this.edited.set(sheet.part, this.ownedSheetPart({ ...content, name: sheet.name }, this.putCharts(sheet.part, sheet.name, content)));
      return { name: sheet.name };
    }
    if (this.map.structureLocked) {
      throw new ScorecardError("the workbook's structure is protected, so its Summary, Red flags and rules sheets cannot be added: unprotect it (Review > Protect Workbook) and try again");
    }
    const plan = planOwnedSheetNames(
      this.map.sheets.map((s, i) => {
        const k = this.kindAt(i);
        return k ? { name: s.name, ownedKind: k } : { name: s.name };
      }),
      [kind],
    );
    const name = plan.names[kind];
    const part = this.freePartName();
    this.newParts.push(part);
    this.edited.set(part, this.ownedSheetPart({ ...content, name }, this.putCharts(part, name, content)));
    this.addSheetToWorkbook(name, part, kind, content.hidden === true);
    return plan.warnings.length ? { name, warning: plan.warnings[0] } : { name };
  }

  private ownedSheetPart(content: SheetContent, drawingRelId: string | undefined): Edited {
    const sink = new PartSink(this.codec);
    writeOwnedSheet(sink, content, this.styles, drawingRelId);
    return sink.finish();
  }

  /**
   * The charts of one of the tool's sheets: a drawing and a chart part per chart, named after the sheet's
   * part so that the next run writes over the same parts. Returns the sheet's relationship to its drawing.
   */
  private putCharts(sheetPart: string, sheetName: string, content: SheetContent): string | undefined {
    const charts = content.charts ?? [];
    if (!charts.length) return undefined;
    const base = sheetPart.replace(/^.*\//, '').replace(/\.xml$/, '');
    const drawing = `xl/drawings/scorecard-${base}.xml`;
    const chartParts = charts.map((_, i) => `xl/charts/scorecard-${base}-${i + 1}.xml`);
    const width = Math.max(0, ...content.rows.map((r) => r.length));
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${escapeXml(target)}"/>`;
    const relsOf = (items: string[]) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
    this.edited.set(relsPathOf(sheetPart), relsOf([rel('rIdScorecardDrawing', 'drawing', relativeTarget(sheetPart, drawing))]));
    this.edited.set(drawing, drawingXml(charts, width + 1));
    this.edited.set(relsPathOf(drawing), relsOf(chartParts.map((c, i) => rel(`rId${i + 1}`, 'chart', relativeTarget(drawing, c)))));
    charts.forEach((c, i) => this.edited.set(chartParts[i], chartXml(c, sheetName, content)));
    this.addContentType(drawing, 'application/vnd.openxmlformats-officedocument.drawing+xml');
    for (const c of chartParts) this.addContentType(c, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    return 'rIdScorecardDrawing';
  }

  private addContentType(part: string, type: string): void {
    const types = this.text('[Content_Types].xml') ?? '';
    if (types.includes(`PartName="/${part}"`)) return;
    this.edited.set('[Content_Types].xml', types.replace(/<\/Types>\s*$/, `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
  }

  /** The application properties part, from the package's root relationships. */
  private appPropertiesPart(): string | undefined {
    const rel = parseRelationships(this.text('_rels/.rels') ?? '').find((r) => r.type.endsWith('/extended-properties'));
    return rel ? resolveTarget('', rel.target) : undefined;
  }

  private freePartName(): string {
    const taken = new Set([...this.byName.keys(), ...this.newParts]);
    for (let n = this.map.sheets.length + 1; ; n++) {
      const name = `xl/worksheets/sheet${n}.xml`;
      if (!taken.has(name)) return name;
    }
  }

  private addSheetToWorkbook(name: string, part: string, kind: OwnedKind, hidden: boolean): void {
    const wbPart = this.map.workbookPart;
    const relsPart = relsPathOf(wbPart);
    const rels = this.text(relsPart) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set(parseRelationships(rels).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const relId = `rId${n}`;
    const rel = `<Relationship Id="${relId}" Type="${WORKSHEET_REL}" Target="${escapeXml(relativeTarget(wbPart, part))}"/>`;
    this.edited.set(relsPart, rels.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`).replace(/<Relationships([^>]*)\/>\s*$/, `<Relationships$1>${rel}</Relationships>`));

    let wb = this.text(wbPart) as string;
    const sheetId = Math.max(0, ...this.map.sheets.map((s) => s.sheetId)) + 1;
    const state = hidden ? ' state="hidden"' : '';
    wb = wb.replace(/<\/sheets>/, `<sheet name="${escapeXml(name)}" sheetId="${sheetId}"${state} r:id="${relId}"/></sheets>`);
    const index = this.map.sheets.length;
    const mark = `<definedName name="${OWNED_MARK}" localSheetId="${index}" hidden="1">${escapeXml(ownedMarkValue(kind))}</definedName>`;
    if (/<definedNames>/.test(wb)) wb = wb.replace(/<\/definedNames>/, `${mark}</definedNames>`);
    else wb = wb.replace(/<\/sheets>/, `</sheets><definedNames>${mark}</definedNames>`);
    // The prefix the workbook part uses for relationships, if not "r".
    const prefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(wb)?.[1];
    if (prefix && prefix !== 'r') wb = wb.replace(` r:id="${relId}"`, ` ${prefix}:id="${relId}"`);
    else if (!prefix) wb = wb.replace(/<workbook\b/, '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    this.edited.set(wbPart, wb);
    const worksheetsBefore = this.map.sheets.filter((s) => s.kind === 'worksheet').length;
    const app = this.appPropertiesPart();
    const appXml = app ? this.text(app) : undefined;
    if (app && appXml !== undefined) this.edited.set(app, withSheetTitle(appXml, name, worksheetsBefore));
    this.map.sheets.push({ name, sheetId, relId, part, kind: 'worksheet', state: hidden ? 'hidden' : 'visible' });
    this.map.definedNames.push({ name: OWNED_MARK, localSheetId: index, hidden: true, value: ownedMarkValue(kind) });

    this.addContentType(part, WORKSHEET_TYPE);
  }

  /** The package's bytes: edited parts anew, every other part exactly as it came. */
  toBytes(): Uint8Array {
    return writeZip(this.parts(), this.codec);
  }

  /** The same as the pieces of the file, to be written in turn: an untouched part is never copied in memory. */
  toChunks(): FileChunk[] {
    return writeZipChunks(this.parts(), this.codec);
  }

  /** The same, compressed off the page's thread where the codec can (the workbench). */
  toBytesAsync(): Promise<Uint8Array> {
    return writeZipAsync(this.parts(), this.codec);
  }

  private parts(): ZipPart[] {
    if (this.stylesBook?.changed && this.map.stylesPart) this.edited.set(this.map.stylesPart, this.stylesBook.toXml());
    const parts: ZipPart[] = this.entries.map((e) => {
      const t = this.edited.get(e.name);
      return t === undefined ? { copy: e } : partOf(e.name, t);
    });
    for (const name of this.newParts) parts.push(partOf(name, this.edited.get(name) as Edited));
    for (const [name, t] of this.edited) {
      if (!this.byName.has(name) && !this.newParts.includes(name)) parts.push(partOf(name, t));
    }
    return parts;
  }
}
