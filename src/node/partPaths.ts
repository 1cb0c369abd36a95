/**
 * Some tools write the relationship Targets of an .xlsx as absolute part names ("/xl/tables/table1.xml",
 * "/xl/worksheets/sheet1.xml"), which the package format allows and Excel reads, but ExcelJS resolves
 * every Target against the source part's folder and then finds nothing. Rewriting them relative to the
 * part that holds them gives ExcelJS the package Excel sees.
 */
const RELATIONSHIP_RE = /<Relationship\b[^>]*>/g;
const ABSOLUTE_TARGET_RE = /\bTarget\s*=\s*"\/([^"]*)"/;

/** The folder of the part a .rels part describes: "xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets". */
function sourceFolder(relsPath: string): string[] {
  return relsPath.replace(/(^|\/)_rels\/[^/]*$/, '').split('/').filter(Boolean);
}

/** A part name relative to a folder: "xl/tables/table1.xml" from "xl/worksheets" is "../tables/table1.xml". */
export function relativePartName(target: string, folder: readonly string[]): string {
  const parts = target.split('/').filter(Boolean);
  let common = 0;
  while (common < folder.length && common < parts.length - 1 && folder[common] === parts[common]) common++;
  return [...folder.slice(common).map(() => '..'), ...parts.slice(common)].join('/');
}

/** One .rels part with its internal absolute Targets made relative; external links (URLs) are left alone. */
export function relativeTargets(xml: string, relsPath: string): string {
  const folder = sourceFolder(relsPath);
  return xml.replace(RELATIONSHIP_RE, (rel) => {
    if (/\bTargetMode\s*=\s*"External"/i.test(rel)) return rel;
    return rel.replace(ABSOLUTE_TARGET_RE, (_m, target: string) => `Target="${relativePartName(target, folder)}"`);
  });
}
