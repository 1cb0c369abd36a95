/** Raw deflate for the package writer in the browser: fflate, small and fast in plain JavaScript. */
import { deflateSync, Inflate, inflateSync } from 'fflate';
import type { Codec } from './zip';
import { concatBytes } from './concatBytes';

export const fflateCodec: Codec = {
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  deflate: (data) => deflateSync(data, { level: 6 }),
  // The browser's own deflate runs natively and off the page's thread: several times faster than JavaScript.
  ...(typeof CompressionStream === 'function' ? { deflateAsync: streamDeflate } : {}),
  inflateStart: (data) => {
    // The streaming inflater hands out what it can of a stream that has not ended.
    const chunks: Uint8Array[] = [];
    const inflater = new Inflate((chunk) => chunks.push(chunk));
    inflater.push(data, false);
    return concatBytes(chunks);
  },
};

async function streamDeflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
