import { unescapeXml } from './xml';

/**
 * The shared string table: each `<si>` as the text a cell shows, rich runs joined and phonetic guides
 * (`<rPh>`) left out, as Excel displays them.
 */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const si = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  let m: RegExpExecArray | null;
  while ((m = si.exec(xml))) out.push(m[1] === undefined ? '' : itemText(m[1]));
  return out;
}

/** The text of an `<si>` or `<is>` body. */
export function itemText(body: string): string {
  const withoutPhonetics = body.indexOf('<rPh') >= 0 ? body.replace(/<rPh[\s\S]*?<\/rPh>/g, '') : body;
  let text = '';
  const t = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = t.exec(withoutPhonetics))) if (m[1] !== undefined) text += m[1];
  return unescapeXml(text);
}
