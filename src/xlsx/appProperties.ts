/**
 * The application properties (docProps/app.xml) list the workbook's sheet names, counted under a heading
 * ("Worksheets"). When the tool adds a sheet, its name is added after the last sheet's and the count goes
 * up by one; a file whose list is not laid out that way is left as it is (the list is only a summary, and
 * Excel rewrites it on save).
 */
import { escapeXml } from './xml';

export function withSheetTitle(xml: string, name: string, worksheetsBefore: number): string {
  const heading = /(<HeadingPairs>\s*<vt:vector\b[^>]*>\s*<vt:variant>\s*<vt:lpstr>[^<]*<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>)(\d+)(<\/vt:i4>)/.exec(xml);
  const titles = /(<TitlesOfParts>\s*<vt:vector\b[^>]*\bsize=")(\d+)("[^>]*>)([\s\S]*?)(<\/vt:vector>\s*<\/TitlesOfParts>)/.exec(xml);
  if (!heading || !titles || Number(heading[2]) !== worksheetsBefore) return xml;
  const items = [...titles[4].matchAll(/<vt:lpstr>[\s\S]*?<\/vt:lpstr>|<vt:lpstr\/>/g)].map((m) => m[0]);
  if (items.length !== Number(titles[2]) || items.length < worksheetsBefore) return xml;
  items.splice(worksheetsBefore, 0, `<vt:lpstr>${escapeXml(name)}</vt:lpstr>`);
  const newTitles = `${titles[1]}${items.length}${titles[3]}${items.join('')}${titles[5]}`;
  const withTitles = xml.slice(0, titles.index) + newTitles + xml.slice(titles.index + titles[0].length);
  return withTitles.replace(heading[0], `${heading[1]}${worksheetsBefore + 1}${heading[3]}`);
}
