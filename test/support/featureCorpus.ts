/**
 * Scorecard workbooks carrying what councils' workbooks carry beyond cells: a chart and sparklines on the
 * scorecard sheet, data validation, internal hyperlinks, manual page breaks, comments with threaded
 * replies and note authors, a pivot cache, an Excel table, an external link, a named constant, a dynamic-array
 * spill (a formula cell carrying cm="1" and the metadata part it points into), custom document properties
 * (a sensitivity label), a legacy sheet password on another
 * sheet, and (for .xlsm) a macro project. Built from the Council Plan fixture by adding parts to its
 * package, so every test starts from the same real scorecard.
 */
import * as fs from 'fs';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { entryBytes, readZip, writeZip } from '../../src/xlsx/zip';
import type { ZipPart } from '../../src/xlsx/zip';
import { fixturePath } from './fixtures';

const enc = new TextEncoder();
const dec = new TextDecoder();

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Scorecard!$L$6:$M$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:twoCellAnchor><xdr:from><xdr:col>23</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>30</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
const SPARKLINES = `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>Scorecard!L6:U6</xm:f><xm:sqref>W6</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;
const COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>tc={7D1B0E5B-7B1A-4E7B-9C2B-1A2B3C4D5E6F}</author><author>Jo Officer</author></authors><commentList><comment ref="A1" authorId="1"><text><r><t>Checked with the service lead</t></r></text></comment></commentList></comments>`;
const THREADED = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A1" dT="2017-10-12T09:00:00.00" personId="{11111111-2222-3333-4444-555555555555}" id="{7D1B0E5B-7B1A-4E7B-9C2B-1A2B3C4D5E6F}"><text>Checked with the service lead</text></threadedComment></ThreadedComments>`;
const PERSONS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Jo Officer" id="{11111111-2222-3333-4444-555555555555}" userId="jo" providerId="None"/></personList>`;
const PIVOT_CACHE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Key"/></cacheSource><cacheFields count="1"><cacheField name="Key" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`;
const TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="KeyTable" displayName="KeyTable" ref="A20:B22"><autoFilter ref="A20:B22"/><tableColumns count="2"><tableColumn id="1" name="Symbol"/><tableColumn id="2" name="Meaning"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
const EXTERNAL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Data"/></sheetNames></externalBook></externalLink>`;
const CUSTOM = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_Classification"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr></property></Properties>`;
const METADATA = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;
/**
 * A dynamic-array formula in X6 spilling down to X8, beside three rated rows: its anchor cell carries the
 * spill's metadata (cm="1") and the cells it spills into hold only values, as Excel writes them.
 */
export const SPILL_CELLS = [
  '<c r="X6" cm="1"><f t="array" ref="X6:X8">_xlfn._xlws.SORT(L6:L8)</f><v>65.4</v></c>',
  '<c r="X7"><v>76.6</v></c>',
  '<c r="X8"><v>320</v></c>',
] as const;
const rels = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** What the corpus adds, by part: the test checks each is in the output, byte for byte. */
export const ADDED_PARTS = [
  'xl/charts/chart1.xml',
  'xl/drawings/drawing1.xml',
  'xl/drawings/_rels/drawing1.xml.rels',
  'xl/worksheets/_rels/sheet1.xml.rels',
  'xl/worksheets/_rels/sheet2.xml.rels',
  'xl/comments1.xml',
  'xl/threadedComments/threadedComment1.xml',
  'xl/persons/person.xml',
  'xl/pivotCache/pivotCacheDefinition1.xml',
  'xl/tables/table1.xml',
  'xl/externalLinks/externalLink1.xml',
  'xl/externalLinks/_rels/externalLink1.xml.rels',
  'docProps/custom.xml',
  'xl/metadata.xml',
] as const;

/** The fixture with every feature above; `macros` adds a VBA project and makes it an .xlsm. */
export function featureWorkbook(options: { macros?: boolean } = {}): Buffer {
  const input = fs.readFileSync(fixturePath('council-plan-2017-18-q2.xlsx'));
  const entries = readZip(input);
  const text = (name: string) => dec.decode(entryBytes(entries.find((e) => e.name === name)!, zlibCodec));
  const edits = new Map<string, string | Uint8Array>();

  let types = text('[Content_Types].xml');
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  types = types.replace(
    '</Types>',
    [
      override('xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'),
      override('xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml'),
      override('xl/comments1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml'),
      override('xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml'),
      override('xl/persons/person.xml', 'application/vnd.ms-excel.person+xml'),
      override('xl/pivotCache/pivotCacheDefinition1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml'),
      override('xl/tables/table1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml'),
      override('xl/externalLinks/externalLink1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml'),
      override('docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml'),
      override('xl/metadata.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml'),
      options.macros ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '',
      '</Types>',
    ].join(''),
  );
  if (options.macros) types = types.replace('spreadsheetml.sheet.main+xml', 'spreadsheetml.sheet.main+xml').replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  edits.set('[Content_Types].xml', types);

  edits.set('_rels/.rels', text('_rels/.rels').replace('</Relationships>', `<Relationship Id="rIdCustom" Type="${R}/custom-properties" Target="docProps/custom.xml"/></Relationships>`));
  const wbRels = text('xl/_rels/workbook.xml.rels').replace(
    '</Relationships>',
    `<Relationship Id="rIdPivot" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/><Relationship Id="rIdExt" Type="${R}/externalLink" Target="externalLinks/externalLink1.xml"/><Relationship Id="rIdMeta" Type="${R}/sheetMetadata" Target="metadata.xml"/><Relationship Id="rIdPersons" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>${options.macros ? `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : ''}</Relationships>`,
  );
  edits.set('xl/_rels/workbook.xml.rels', wbRels);
  edits.set(
    'xl/workbook.xml',
    text('xl/workbook.xml')
      .replace('<sheets>', '<workbookProtection workbookAlgorithmName="SHA-512" lockStructure="0"/><bookViews><workbookView/></bookViews><sheets>')
      .replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rIdExt"/></externalReferences><definedNames><definedName name="Uplift">0.05</definedName></definedNames>')
      .replace('</workbook>', '<pivotCaches><pivotCache cacheId="1" r:id="rIdPivot"/></pivotCaches></workbook>'),
  );

  let sheet1 = text('xl/worksheets/sheet1.xml');
  sheet1 = sheet1
    .replace('</mergeCells>', '</mergeCells><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="G6:G20"><formula1>"High,Low"</formula1></dataValidation></dataValidations><hyperlinks><hyperlink ref="C6" location="\'Key\'!A1" display="1.A1"/></hyperlinks>')
    .replace('</worksheet>', `<rowBreaks count="1" manualBreakCount="1"><brk id="22" max="16383" man="1"/></rowBreaks><drawing r:id="rIdDrawing"/>${SPARKLINES}</worksheet>`);
  // Each spill cell goes at the end of its row, past the last column the sheet had.
  SPILL_CELLS.forEach((cell, i) => {
    const row = new RegExp(`(<row r="${6 + i}"[^>]*>[\\s\\S]*?)</row>`);
    sheet1 = sheet1.replace(row, `$1${cell}</row>`);
  });
  edits.set('xl/worksheets/sheet1.xml', sheet1);
  edits.set('xl/worksheets/_rels/sheet1.xml.rels', rels([`<Relationship Id="rIdDrawing" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>`]));
  edits.set('xl/drawings/drawing1.xml', DRAWING);
  edits.set('xl/drawings/_rels/drawing1.xml.rels', rels([`<Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/>`]));
  edits.set('xl/charts/chart1.xml', CHART);

  let sheet2 = text('xl/worksheets/sheet2.xml');
  sheet2 = sheet2.replace('</sheetData>', '</sheetData><sheetProtection password="CC1A" sheet="1" objects="1" scenarios="1"/>').replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rIdTable"/></tableParts></worksheet>');
  edits.set('xl/worksheets/sheet2.xml', sheet2);
  edits.set(
    'xl/worksheets/_rels/sheet2.xml.rels',
    rels([
      `<Relationship Id="rIdTable" Type="${R}/table" Target="../tables/table1.xml"/>`,
      `<Relationship Id="rIdComments" Type="${R}/comments" Target="../comments1.xml"/>`,
      `<Relationship Id="rIdThreaded" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>`,
    ]),
  );
  edits.set('xl/comments1.xml', COMMENTS);
  edits.set('xl/threadedComments/threadedComment1.xml', THREADED);
  edits.set('xl/persons/person.xml', PERSONS);
  edits.set('xl/pivotCache/pivotCacheDefinition1.xml', PIVOT_CACHE);
  edits.set('xl/tables/table1.xml', TABLE);
  edits.set('xl/externalLinks/externalLink1.xml', EXTERNAL);
  edits.set('xl/externalLinks/_rels/externalLink1.xml.rels', rels([`<Relationship Id="rId1" Type="${R}/externalLinkPath" Target="file:///C:/Data/Budget.xlsx" TargetMode="External"/>`]));
  edits.set('docProps/custom.xml', CUSTOM);
  edits.set('xl/metadata.xml', METADATA);
  if (options.macros) edits.set('xl/vbaProject.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) & 0xff));

  const parts: ZipPart[] = entries.map((e) => {
    const v = edits.get(e.name);
    edits.delete(e.name);
    return v === undefined ? { copy: e } : { name: e.name, bytes: typeof v === 'string' ? enc.encode(v) : v };
  });
  for (const [name, v] of edits) parts.push({ name, bytes: typeof v === 'string' ? enc.encode(v) : v });
  return Buffer.from(writeZip(parts, zlibCodec));
}
