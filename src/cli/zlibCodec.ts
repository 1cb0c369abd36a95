/** Raw deflate for the package writer on the command line: Node's zlib, native and several times faster than JavaScript. */
import * as zlib from 'zlib';
import type { Codec } from '../xlsx/zip';

/** Parts this large (a rated sheet of tens of thousands of rows) are deflated at level 1. */
const LARGE_PART = 4 << 20;

// zlib.crc32 arrived in Node 20.15; older Node uses the JavaScript table.
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array, seed?: number) => number }).crc32;

/**
 * A large part compressed a chunk at a time: each chunk is its own deflate run ended by a sync flush (an
 * empty stored block, not the last), the final one by a finish, so the chunks joined are one valid stream.
 * A back-reference never reaches into the chunk before, which costs a few bytes in four megabytes.
 */
function chunkDeflater() {
  return {
    push: (data: Uint8Array, final: boolean) =>
      zlib.deflateRawSync(data, { level: 1, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }),
  };
}

export const zlibCodec: Codec = {
  inflate: (data) => zlib.inflateRawSync(data),
  // Level 6 is zlib's own default, what Excel writes. A 100 MB sheet takes a second at 6 and a quarter of
  // one at 1, for a file about a third larger: on a large sheet the time is worth more.
  deflate: (data) => zlib.deflateRawSync(data, { level: data.length >= LARGE_PART ? 1 : 6 }),
  // A sync flush gives back what the input so far holds instead of failing on the cut stream.
  inflateStart: (data) => zlib.inflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  deflater: chunkDeflater,
  ...(nativeCrc32 ? { crc32: (data: Uint8Array, seed?: number) => nativeCrc32(data, seed ?? 0) } : {}),
};
