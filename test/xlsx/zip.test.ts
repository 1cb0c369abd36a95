import fc from 'fast-check';
import { crc32 as zlibCrc32 } from 'zlib';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { fflateCodec } from '../../src/xlsx/fflateCodec';
import { bytesSource, chunkBytes, crc32, entryBytes, readZip, writeZip, writeZipChunks, ZipError } from '../../src/xlsx/zip';
import type { ByteSource } from '../../src/xlsx/zip';
import { unzipBytes } from '../support/zip';

const enc = new TextEncoder();

describe('zip: read and write an archive without recompressing what is copied', () => {
  it('new parts round-trip through both codecs, and the test reader (zlib) reads them', () => {
    for (const codec of [zlibCodec, fflateCodec]) {
      const bytes = writeZip(
        [
          { name: 'a.xml', bytes: enc.encode('<a>'.repeat(500)) },
          { name: 'tiny.txt', bytes: enc.encode('hi') },
          { name: 'ünï.xml', bytes: enc.encode('named in UTF-8') },
        ],
        codec,
      );
      const entries = readZip(bytes);
      expect(entries.map((e) => e.name)).toEqual(['a.xml', 'tiny.txt', 'ünï.xml']);
      expect(entries[1].method).toBe(0);
      expect(entries[0].method).toBe(8);
      expect(new TextDecoder().decode(entryBytes(entries[0], codec))).toBe('<a>'.repeat(500));
      expect(unzipBytes(Buffer.from(bytes)).get('ünï.xml')?.toString()).toBe('named in UTF-8');
    }
  });
  it('a copied entry keeps its compressed bytes, method, CRC and dates exactly', () => {
    const first = writeZip([{ name: 'p.xml', bytes: enc.encode('x'.repeat(1000)) }], zlibCodec);
    const [entry] = readZip(first);
    const again = writeZip([{ copy: entry }, { name: 'q.xml', bytes: enc.encode('new') }], zlibCodec);
    const [copied] = readZip(again);
    expect(Buffer.from(copied.data).equals(Buffer.from(entry.data))).toBe(true);
    expect([copied.crc, copied.method, copied.time, copied.date]).toEqual([entry.crc, entry.method, entry.time, entry.date]);
  });
  it('as the pieces of the file, the archive is the same bytes, and a copied part is its input bytes, not a copy', () => {
    const first = writeZip([{ name: 'p.xml', bytes: enc.encode('x'.repeat(1000)) }], zlibCodec);
    const [entry] = readZip(first);
    const parts = [{ copy: entry }, { name: 'q.xml', bytes: enc.encode('<q>'.repeat(100)) }];
    const chunks = writeZipChunks(parts, zlibCodec);
    expect(chunks).toContain(entry.data);
    const joined = Buffer.concat(chunks.map((c) => Buffer.from(chunkBytes(c))));
    // The two writes differ only in the new part's date words, taken from the clock: compare what was read.
    const [a, b] = [readZip(joined), readZip(writeZip(parts, zlibCodec))];
    expect(a.map((e) => [e.name, e.crc, e.size, Buffer.from(e.data).toString('hex')])).toEqual(b.map((e) => [e.name, e.crc, e.size, Buffer.from(e.data).toString('hex')]));
  });
  it('read from a source, only the part list and headers are read at first, and a copied part goes out as a range of the input, the same bytes', () => {
    const big = enc.encode('<row/>'.repeat(200000));
    const input = writeZip([{ name: 'small.xml', bytes: enc.encode('<a/>'.repeat(50)) }, { name: 'big.xml', bytes: big }], zlibCodec);
    const reads: [number, number][] = [];
    const inMemory = bytesSource(input);
    const source: ByteSource = { size: input.length, read: (o, n) => (reads.push([o, n]), inMemory.read(o, n)) };
    const entries = readZip(source);
    const bigEntry = entries.find((e) => e.name === 'big.xml')!;
    // The end record's search, the part list, then 30 bytes per part's local header: nothing of the parts' data.
    expect(reads.filter(([, n]) => n === bigEntry.compressedSize)).toEqual([]);
    expect(reads.slice(2).map(([, n]) => n)).toEqual([30, 30]);
    expect(new TextDecoder().decode(entryBytes(entries[0], zlibCodec))).toBe('<a/>'.repeat(50));
    reads.length = 0;
    const chunks = writeZipChunks(entries.map((e) => ({ copy: e })), zlibCodec);
    expect(reads).toEqual([]);
    expect(chunks.filter((c) => !(c instanceof Uint8Array))).toEqual([expect.objectContaining({ length: entries[0].compressedSize }), expect.objectContaining({ length: bigEntry.compressedSize })]);
    // Every part copied: the archive written is the input, byte for byte.
    expect(Buffer.concat(chunks.map((c) => Buffer.from(chunkBytes(c)))).equals(Buffer.from(input))).toBe(true);
  });
  it('a source that ends early or holds no archive is refused as from bytes', () => {
    const input = writeZip([{ name: 'p.xml', bytes: enc.encode('x'.repeat(1000)) }], zlibCodec);
    expect(() => readZip(bytesSource(input.subarray(0, input.length - 30)))).toThrow(/not a zip|truncated|damaged/);
    expect(() => readZip(bytesSource(enc.encode('Ref,Measure\n1,2\n')))).toThrow(ZipError);
  });
  it('property: any parts round-trip, and the CRC is zlib’s', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,8}\.xml$/), fc.uint8Array({ maxLength: 3000 })), { maxLength: 6 }), (files) => {
        const unique = [...new Map(files).entries()];
        const bytes = writeZip(unique.map(([name, data]) => ({ name, bytes: data })), zlibCodec);
        const back = readZip(bytes);
        expect(back.map((e) => e.name)).toEqual(unique.map(([n]) => n));
        back.forEach((e, i) => {
          expect(Buffer.from(entryBytes(e, zlibCodec)).equals(Buffer.from(unique[i][1]))).toBe(true);
          expect(crc32(unique[i][1])).toBe(zlibCrc32(unique[i][1]));
        });
      }),
      { numRuns: 60 },
    );
  });
  it('not a zip, or a truncated one, is a ZipError that says so', () => {
    expect(() => readZip(enc.encode('Ref,Measure\n1,2\n'))).toThrow(ZipError);
    const bytes = writeZip([{ name: 'a.xml', bytes: enc.encode('<a>'.repeat(500)) }], zlibCodec);
    expect(() => readZip(bytes.subarray(0, bytes.length - 30))).toThrow(/not a zip|truncated|damaged/);
  });
});
