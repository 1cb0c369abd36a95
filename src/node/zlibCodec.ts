/** Raw deflate for the package writer on the command line: Node's zlib, native and several times faster than JavaScript. */
import { constants, deflateRawSync, inflateRawSync } from 'zlib';
import type { Codec } from '../xlsx/zip';

export const zlibCodec: Codec = {
  inflate: (data) => inflateRawSync(data),
  // Level 6 is zlib's own default: what Excel and ExcelJS write, at a fraction of level 9's time.
  deflate: (data) => deflateRawSync(data, { level: 6 }),
  // A sync flush gives back what the input so far holds instead of failing on the cut stream.
  inflateStart: (data) => inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH }),
};
