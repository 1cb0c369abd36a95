/**
 * Repairs, before ExcelJS loads a package, what Excel reads but ExcelJS misreads: absolute relationship
 * Targets (partPaths.ts) and escaped percent signs in number formats (percentEscapes.ts).
 */
import JSZip from 'jszip';
import { relativeTargets } from './partPaths';
import { quotedPercentSigns } from './percentEscapes';

function repaired(path: string, xml: string): string {
  if (path.endsWith('.rels')) return relativeTargets(xml, path);
  if (path === 'xl/styles.xml') return quotedPercentSigns(xml);
  return xml;
}

/**
 * The package with those repairs made, or the same bytes when it needs none (the usual case, which then
 * costs one read of its small .rels and styles parts and no rewrite).
 */
export async function withPackageFixes(data: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  let changed = false;
  for (const path of Object.keys(zip.files)) {
    const entry = zip.files[path];
    if (entry.dir || !(path.endsWith('.rels') || path === 'xl/styles.xml')) continue;
    const xml = await entry.async('string');
    const fixed = repaired(path, xml);
    if (fixed !== xml) {
      zip.file(path, fixed);
      changed = true;
    }
  }
  if (!changed) return data;
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
