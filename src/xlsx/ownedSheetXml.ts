/**
 * One of the tool's own sheets (Summary, Red flags, Scorecard rules) as a worksheet part: cells with their
 * styles, column widths and links to the rated rows. Text is written as inline strings, so the workbook's
 * shared string table is never touched.
 */
import type { CellStyle, ContentCell, SheetContent } from '../workbook/grid';
import { cellAddress, quoteSheetName } from '../workbook/grid';
import type { StyleBook } from './styles';
import type { PartSink } from './partSink';
import { escapeXml } from './xml';

const LINK_COLOUR = '0563C1';

export const WORKSHEET_NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Style indexes by the content's style object, link or not: a large Red flags sheet has a million cells and a few styles. */
type StyleCache = Map<CellStyle | undefined, [number?, number?]>;

function styleIndex(c: ContentCell, link: boolean, styles: StyleBook, cache: StyleCache): number {
  if (!c.style && !link) return 0;
  let known = cache.get(c.style);
  if (!known) cache.set(c.style, (known = []));
  const slot = link ? 1 : 0;
  let index = known[slot];
  if (index === undefined) known[slot] = index = styles.styleFor(0, link ? { fontColor: LINK_COLOUR, ...c.style } : (c.style ?? {}), link);
  return index;
}

function cellXml(ref: string, c: ContentCell, styles: StyleBook, cache: StyleCache): string {
  const link = c.link !== undefined && c.value !== null;
  const style = styleIndex(c, link, styles, cache);
  const s = style > 0 ? ` s="${style}"` : '';
  if (c.value === null) return `<c r="${ref}"${s}/>`;
  if (typeof c.value === 'number') {
    return Number.isFinite(c.value) ? `<c r="${ref}"${s}><v>${c.value}</v></c>` : `<c r="${ref}"${s} t="inlineStr"><is><t>${String(c.value)}</t></is></c>`;
  }
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(c.value)}</t></is></c>`;
}

function written(c: ContentCell | null): c is ContentCell {
  return c !== null && c !== undefined && (c.value !== null || c.style !== undefined);
}

/**
 * The worksheet part, written into a part sink row by row, never joined into one string (partSink.ts says
 * why); `drawingRelId` adds the drawing that holds its charts.
 */
export function writeOwnedSheet(sink: PartSink, content: SheetContent, styles: StyleBook, drawingRelId?: string): void {
  const cache: StyleCache = new Map();
  // The used range comes first in the part, so the widest row is found before any row is written.
  let right = 0;
  for (const cells of content.rows) for (let col = cells.length - 1; col > right; col--) if (written(cells[col])) right = col;
  const widths = (content.columnWidths ?? [])
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ''))
    .join('');
  const bottom = Math.max(0, content.rows.length - 1);
  sink.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  sink.push(`<worksheet ${WORKSHEET_NS}><dimension ref="A1:${cellAddress(bottom, right)}"/>`);
  sink.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>');
  if (widths) sink.push(`<cols>${widths}</cols>`);
  sink.push('<sheetData>');
  const links: string[] = [];
  content.rows.forEach((cells, r) => {
    let open = false;
    cells.forEach((c, col) => {
      if (!written(c)) return;
      if (!open) sink.push(`<row r="${r + 1}">`);
      open = true;
      const ref = cellAddress(r, col);
      sink.push(cellXml(ref, c, styles, cache));
      if (c.link && c.value !== null) {
        const location = `${quoteSheetName(c.link.sheet)}!${cellAddress(c.link.row, c.link.col)}`;
        links.push(`<hyperlink ref="${ref}" location="${escapeXml(location)}" display="${escapeXml(String(c.value))}"/>`);
      }
    });
    if (open) sink.push('</row>');
  });
  sink.push('</sheetData>');
  if (links.length) sink.push(`<hyperlinks>${links.join('')}</hyperlinks>`);
  sink.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (drawingRelId) sink.push(`<drawing r:id="${drawingRelId}"/>`);
  sink.push('</worksheet>');
}
