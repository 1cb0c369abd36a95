/**
 * Just enough XML for the parts the tool reads and edits. The parts are machine-written SpreadsheetML, so a
 * scanner over tags is enough and is many times faster than a DOM; everything it does not edit it leaves
 * as the exact text it found.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text content or an attribute value, with entities and character references resolved. */
export function unescapeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** Characters XML 1.0 cannot carry at all: dropped rather than written into a file Excel would refuse. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// eslint-disable-next-line no-control-regex -- as above
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  // Most text (every explanation of a large sheet) needs nothing: one scan instead of two replaces.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** The attributes of a start tag's text ("<c r="A1" s="3">"), by name. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** The scanner of one attribute, made once per name: a large sheet asks for the same few on every row. */
const attributeScanners = new Map<string, RegExp>();

function attributeRe(name: string): RegExp {
  let re = attributeScanners.get(name);
  if (!re) attributeScanners.set(name, (re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(?:"([^"]*)"|'([^']*)')`)));
  return re;
}

/** One attribute of a start tag, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  if (!tag.includes(name)) return undefined;
  const m = attributeRe(name).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
}

/** Sets (or adds) an attribute in a start tag's text. */
export function withAttribute(tag: string, name: string, value: string): string {
  const re = attributeRe(name);
  const v = `"${escapeXml(value)}"`;
  if (tag.includes(name) && re.test(tag)) return tag.replace(re, (_, lead: string) => `${lead}${v}`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}=${v}$1>`);
}

/** Removes an attribute from a start tag's text. */
export function withoutAttribute(tag: string, name: string): string {
  return tag.includes(name) ? tag.replace(attributeRe(name), '') : tag;
}

/**
 * The elements named `name` (with or without a namespace prefix) directly in a piece of XML, as the exact
 * text of each and where it sits. Elements of the same name nested inside one another are not expected in
 * the parts this reads.
 */
export function elements(xml: string, name: string, from = 0, to = xml.length): { text: string; start: number; end: number; open: string }[] {
  const out: { text: string; start: number; end: number; open: string }[] = [];
  const re = new RegExp(`<(?:[\\w-]+:)?${name}(?=[\\s/>])[^>]*>`, 'g');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) {
    const open = m[0];
    const start = m.index;
    if (open.endsWith('/>')) {
      out.push({ text: open, start, end: start + open.length, open });
      continue;
    }
    const prefix = /^<([\w-]+:)?/.exec(open)?.[1] ?? '';
    const close = `</${prefix}${name}>`;
    const endAt = xml.indexOf(close, re.lastIndex);
    if (endAt < 0) break;
    const end = endAt + close.length;
    out.push({ text: xml.slice(start, end), start, end, open });
    re.lastIndex = end;
  }
  return out;
}

/** The first such element, or undefined. */
export function element(xml: string, name: string): { text: string; start: number; end: number; open: string } | undefined {
  return elements(xml, name)[0];
}

/** The text inside an element's text (between its start and end tags). */
export function inner(el: { text: string; open: string }): string {
  if (el.open.endsWith('/>')) return '';
  return el.text.slice(el.open.length, el.text.lastIndexOf('</'));
}
