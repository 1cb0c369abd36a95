/**
 * The package's map: which part is the workbook, which parts are its sheets and under what names, where the
 * shared strings and styles are. Relationship targets are resolved the way Excel resolves them: relative to
 * the part that names them, or from the package root when they start with "/" (as some tools write them).
 */
import { attribute, attributes, element, elements, unescapeXml } from './xml';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The folder of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** The relationships part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels"). */
export function relsPathOf(part: string): string {
  const folder = folderOf(part);
  const file = part.slice(folder.length ? folder.length + 1 : 0);
  return `${folder ? `${folder}/` : ''}_rels/${file}.rels`;
}

/** A target as a part name from the package root. */
export function resolveTarget(fromPart: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${folderOf(fromPart) ? `${folderOf(fromPart)}/` : ''}${target}`;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** A part name as a target relative to another part's folder, as Excel writes them. */
export function relativeTarget(fromPart: string, part: string): string {
  const from = folderOf(fromPart).split('/').filter(Boolean);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function parseRelationships(xml: string): Relationship[] {
  return elements(xml, 'Relationship').map((el) => {
    const a = attributes(el.open);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' };
  });
}

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;

/** A sheet as the workbook part lists it. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** The part holding it, from the package root; undefined for a chart sheet or a broken reference. */
  part?: string;
  /** 'worksheet', or another kind of sheet (chart, dialog, macro) that is never rated. */
  kind: 'worksheet' | 'other';
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface DefinedName {
  name: string;
  /** Index into the sheet list for a sheet-scoped name. */
  localSheetId?: number;
  hidden: boolean;
  value: string;
}

export interface WorkbookMap {
  workbookPart: string;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  /** Workbook structure locked ("Protect Workbook"): sheets cannot be added or removed. */
  structureLocked: boolean;
  sharedStringsPart?: string;
  stylesPart?: string;
  relationships: Relationship[];
}

/** Reads the package's map from its root relationships, workbook part and workbook relationships. */
export function readWorkbookMap(text: (part: string) => string | undefined): WorkbookMap | null {
  const rootRels = text('_rels/.rels');
  if (rootRels === undefined) return null;
  const doc = parseRelationships(rootRels).find((r) => r.type === REL.officeDocument || r.type.endsWith('/officeDocument'));
  if (!doc) return null;
  const workbookPart = resolveTarget('', doc.target);
  const workbookXml = text(workbookPart);
  if (workbookXml === undefined) return null;
  const relationships = parseRelationships(text(relsPathOf(workbookPart)) ?? '');
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = elements(workbookXml, 'sheet').map((el) => {
    const a = attributes(el.open);
    const relId = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
    const rel = byId.get(relId);
    const isWorksheet = rel !== undefined && rel.type.endsWith('/worksheet');
    const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
    return {
      name: a.name ?? '',
      sheetId: Number(a.sheetId ?? 0),
      relId,
      ...(rel && !rel.external ? { part: resolveTarget(workbookPart, rel.target) } : {}),
      kind: isWorksheet ? 'worksheet' : 'other',
      state,
    };
  });
  const definedNames: DefinedName[] = elements(workbookXml, 'definedName').map((el) => {
    const a = attributes(el.open);
    return {
      name: a.name ?? '',
      ...(a.localSheetId !== undefined ? { localSheetId: Number(a.localSheetId) } : {}),
      hidden: a.hidden === '1' || a.hidden === 'true',
      value: el.open.endsWith('/>') ? '' : unescapeXml(el.text.slice(el.open.length, el.text.lastIndexOf('</'))),
    };
  });
  const protection = element(workbookXml, 'workbookProtection');
  const lock = protection ? attribute(protection.open, 'lockStructure') : undefined;
  const shared = relationships.find((r) => r.type.endsWith('/sharedStrings'));
  const styles = relationships.find((r) => r.type.endsWith('/styles'));
  return {
    workbookPart,
    sheets,
    definedNames,
    structureLocked: lock === '1' || lock === 'true',
    ...(shared ? { sharedStringsPart: resolveTarget(workbookPart, shared.target) } : {}),
    ...(styles ? { stylesPart: resolveTarget(workbookPart, styles.target) } : {}),
    relationships,
  };
}
