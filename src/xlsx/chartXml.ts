/**
 * Bar charts for the tool's own sheets as DrawingML parts: a chart part per ContentChart (categories from the
 * range's first column, values from its second, with cached values so a program that does not recalculate
 * still draws them) and the drawing that places them beside the tables. Excel and LibreOffice both render
 * these.
 */
import type { ContentChart, SheetContent } from '../workbook/grid';
import { cellAddress, quoteSheetName } from '../workbook/grid';
import { escapeXml } from './xml';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function absolute(row: number, col: number): string {
  const a = cellAddress(row, col);
  return a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
}

function cellText(content: SheetContent, row: number, col: number): string {
  const v = content.rows[row]?.[col]?.value;
  return v === null || v === undefined ? '' : String(v);
}

/** One chart part: a clustered bar (or column) chart of one series. */
export function chartXml(chart: ContentChart, sheetName: string, content: SheetContent): string {
  const first = chart.range.top + 1;
  const last = chart.range.bottom;
  const catCol = chart.range.left;
  const valCol = chart.range.left + 1;
  const sheet = quoteSheetName(sheetName);
  const cats: string[] = [];
  const vals: string[] = [];
  for (let r = first; r <= last; r++) {
    const i = r - first;
    cats.push(`<c:pt idx="${i}"><c:v>${escapeXml(cellText(content, r, catCol))}</c:v></c:pt>`);
    const n = Number(content.rows[r]?.[valCol]?.value ?? 0);
    vals.push(`<c:pt idx="${i}"><c:v>${Number.isFinite(n) ? n : 0}</c:v></c:pt>`);
  }
  const count = last - first + 1;
  const seriesName = escapeXml(cellText(content, chart.range.top, valCol) || 'Measures');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}">`,
    '<c:roundedCorners val="0"/>',
    '<c:chart>',
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`,
    '<c:autoTitleDeleted val="0"/>',
    '<c:plotArea><c:layout/>',
    `<c:barChart><c:barDir val="${chart.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>`,
    '<c:ser><c:idx val="0"/><c:order val="0"/>',
    `<c:tx><c:v>${seriesName}</c:v></c:tx>`,
    '<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr>',
    '<c:invertIfNegative val="0"/>',
    `<c:cat><c:strRef><c:f>${escapeXml(`${sheet}!${absolute(first, catCol)}:${absolute(last, catCol)}`)}</c:f><c:strCache><c:ptCount val="${count}"/>${cats.join('')}</c:strCache></c:strRef></c:cat>`,
    `<c:val><c:numRef><c:f>${escapeXml(`${sheet}!${absolute(first, valCol)}:${absolute(last, valCol)}`)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${vals.join('')}</c:numCache></c:numRef></c:val>`,
    '</c:ser>',
    '<c:gapWidth val="80"/><c:axId val="10"/><c:axId val="20"/></c:barChart>',
    `<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="${chart.kind === 'bar' ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.kind === 'bar' ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="20"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>`,
    `<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.kind === 'bar' ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="10"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`,
    '</c:plotArea>',
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>',
    '</c:chart>',
    '</c:chartSpace>',
  ].join('');
}

/** The drawing that places each chart: beside the tables, level with the table it draws, 16 rows tall. */
export function drawingXml(charts: readonly ContentChart[], firstFreeColumn: number): string {
  const anchors = charts.map((c, i) => {
    const from = `<xdr:from><xdr:col>${firstFreeColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.range.top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`;
    const to = `<xdr:to><xdr:col>${firstFreeColumn + 7}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.range.top + 16}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${from}${to}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${A}" xmlns:r="${R}">${anchors.join('')}</xdr:wsDr>`;
}
