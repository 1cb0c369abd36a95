import { inflateRawSync } from 'zlib';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { PartSink, pieceBytes } from '../../src/xlsx/partSink';
import { crc32, entryBytes, readZip, writeZip } from '../../src/xlsx/zip';
import type { DeflatedPart } from '../../src/xlsx/zip';

const joined = (pieces: string[]) => new TextEncoder().encode(pieces.join(''));

/** About `mb` megabytes of rows, with symbols of three bytes and a four-byte character in them. */
function rows(mb: number): string[] {
  const out: string[] = [];
  for (let r = 1, size = 0; size < mb << 20; r++) {
    const row = `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${r % 7 ? '▲ Improved' : 'é 😀 £'} ${r * 7919}</t></is></c></row>`;
    out.push(row);
    size += row.length;
  }
  return out;
}

describe('pieceBytes', () => {
  it('gives the UTF-8 of the pieces joined, for plain text', () => {
    const pieces = ['<row r="1">', '<c r="A1"><v>1</v></c>', '', '</row>'];
    expect(pieceBytes(pieces)).toEqual(joined(pieces));
  });

  it('grows its buffer past its first size, with characters of three and four bytes', () => {
    const pieces = rows(5);
    expect(Buffer.from(pieceBytes(pieces)).equals(Buffer.from(joined(pieces)))).toBe(true);
  });

  it('is empty for no pieces', () => {
    expect(pieceBytes([])).toEqual(new Uint8Array(0));
  });
});

describe('PartSink with a deflater', () => {
  it('gives a small part as its bytes, for the writer to compress as any other', () => {
    const sink = new PartSink(zlibCodec);
    sink.push('<worksheet/>');
    expect(sink.finish()).toEqual(new TextEncoder().encode('<worksheet/>'));
  });

  it('compresses a large part chunk by chunk into one deflate stream, with the CRC and size of the whole', () => {
    const pieces = rows(9);
    const sink = new PartSink(zlibCodec);
    for (const p of pieces) sink.push(p);
    const part = sink.finish() as DeflatedPart;
    const whole = Buffer.from(joined(pieces));
    expect(part.size).toBe(whole.length);
    expect(part.crc).toBe(crc32(whole));
    expect(inflateRawSync(part.data).equals(whole)).toBe(true);
    // And as a part of an archive, read back as any other.
    const [entry] = readZip(writeZip([{ name: 'xl/worksheets/sheet1.xml', deflated: part }], zlibCodec));
    expect(Buffer.from(entryBytes(entry, zlibCodec)).equals(whole)).toBe(true);
  });
});
