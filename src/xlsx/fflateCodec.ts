/** Raw deflate for the package writer in the browser: fflate, small and fast in plain JavaScript. */
import { deflateSync, inflateSync } from 'fflate';
import type { Codec } from './zip';

export const fflateCodec: Codec = {
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  deflate: (data) => deflateSync(data, { level: 6 }),
};
