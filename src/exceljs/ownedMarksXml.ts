/**
 * The tool's sheet marks (scorecard/ownedIdentity.ts) in the workbook part, xl/workbook.xml: read from its
 * <definedNames>, and written back into it. Text in, text out: no zip and no ExcelJS, so the same functions
 * serve whichever writer renders the part.
 */
import { isOwnedMarkName, OWNED_MARK, ownedKindOf, ownedMarkValue } from '../scorecard/ownedIdentity';
import type { OwnedKind } from '../scorecard/ownedIdentity';

/** A mark as the part holds it: the sheet's name (from <sheets>) and its kind. */
export interface SheetMark {
  sheet: string;
  kind: OwnedKind;
}

const SHEET_RE = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
const DEFINED_NAME_RE = /<((?:\w+:)?)definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1definedName>)/g;

function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (all, e: string) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k === 'amp') return '&';
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : all;
  });
}

/** The sheet names of the part's <sheets>, in order: a localSheetId is an index into this list. */
export function sheetNamesOf(workbookXml: string): string[] {
  const sheets = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbookXml);
  if (!sheets) return [];
  return [...sheets[1].matchAll(SHEET_RE)].map((m) => attribute(m[1], 'name') ?? '');
}

/**
 * The marks the part holds. A mark must be scoped to a sheet that exists and name a known kind; anything
 * else called ScorecardOwnedSheet (a workbook-wide name, a range, a typo) marks nothing.
 */
export function readSheetMarks(workbookXml: string): SheetMark[] {
  const names = sheetNamesOf(workbookXml);
  const out: SheetMark[] = [];
  for (const m of workbookXml.matchAll(DEFINED_NAME_RE)) {
    if (!isOwnedMarkName(attribute(m[2], 'name'))) continue;
    const local = attribute(m[2], 'localSheetId');
    const index = local !== undefined && /^\d+$/.test(local.trim()) ? Number(local) : -1;
    const kind = ownedKindOf(unescapeXml(m[3] ?? ''));
    if (kind && index >= 0 && index < names.length) out.push({ sheet: names[index], kind });
  }
  return out;
}

/**
 * The part with exactly these marks: any ScorecardOwnedSheet entries it had are dropped, and one hidden,
 * sheet-scoped entry per mark goes into <definedNames> (made after <sheets> when the part has none, where
 * the schema puts it). A mark whose sheet the part does not list is left out.
 */
export function withSheetMarks(workbookXml: string, marks: readonly SheetMark[]): string {
  const names = sheetNamesOf(workbookXml);
  let xml = workbookXml.replace(DEFINED_NAME_RE, (all, _prefix: string, attributes: string) => (isOwnedMarkName(attribute(attributes, 'name')) ? '' : all));
  const entries = marks
    .map((m) => ({ index: names.indexOf(m.sheet), kind: m.kind }))
    .filter((m) => m.index >= 0)
    .sort((a, b) => a.index - b.index)
    .map((m) => `<definedName name="${OWNED_MARK}" localSheetId="${m.index}" hidden="1">${ownedMarkValue(m.kind)}</definedName>`)
    .join('');
  // A <definedNames> left empty by the removal is not valid: the schema wants at least one entry.
  xml = xml.replace(/<((?:\w+:)?)definedNames\b[^>]*>\s*<\/\1definedNames>|<(?:\w+:)?definedNames\b[^>]*\/>/, '');
  if (!entries) return xml;
  const close = /<\/((?:\w+:)?)definedNames>/.exec(xml);
  if (close) {
    if (close[1]) return xml.replace(close[0], `${entries.replace(/<(\/?)definedName\b/g, `<$1${close[1]}definedName`)}${close[0]}`);
    return xml.replace(close[0], `${entries}${close[0]}`);
  }
  const sheetsEnd = /<\/((?:\w+:)?)sheets>/.exec(xml);
  if (!sheetsEnd) return xml;
  const p = sheetsEnd[1];
  const block = `<${p}definedNames>${entries.replace(/<(\/?)definedName\b/g, `<$1${p}definedName`)}</${p}definedNames>`;
  return xml.replace(sheetsEnd[0], `${sheetsEnd[0]}${block}`);
}
