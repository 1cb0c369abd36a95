/**
 * A part written piece by piece (a patched sheet's rows, a tool sheet's cells) and turned into UTF-8 bytes as
 * it goes, without first joining it into one string: a 100,000-row sheet's text is a hundred million
 * characters, and one status symbol makes V8 hold all of it at two bytes a character. Where the codec has a
 * deflater (Node's zlib), a part larger than one chunk is compressed chunk by chunk as it is made, so that
 * only its compressed bytes are ever held whole.
 */
import { crc32 } from './zip';
import type { Codec, DeflatedPart } from './zip';
import { concatBytes } from './concatBytes';

/** Bytes gathered before they are compressed: also the size from which a part is streamed at all. */
const CHUNK = 4 << 20;

const encoder = new TextEncoder();

export class PartSink {
  private buffer = new Uint8Array(CHUNK);
  private at = 0;
  private deflater?: { push(data: Uint8Array, final: boolean): Uint8Array };
  private readonly compressed: Uint8Array[] = [];
  private crc = 0;
  private size = 0;

  /** Without a codec (or one with no deflater) the part's bytes are gathered whole, for the caller to compress. */
  constructor(private readonly codec?: Codec) {}

  /** Appends a piece. A piece must not end inside a surrogate pair: XML is cut at tags, never inside a character. */
  push(piece: string): void {
    let rest = piece;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, this.buffer.subarray(this.at));
      this.at += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.full();
    }
  }

  /** The part: its bytes when it stayed small or nothing compresses it here, else its deflate stream. */
  finish(): Uint8Array | DeflatedPart {
    if (!this.deflater) return this.buffer.subarray(0, this.at);
    this.compress(true);
    return { data: concatBytes(this.compressed), crc: this.crc, size: this.size };
  }

  /** The buffer is full: compressed, where the codec can, else made larger. */
  private full(): void {
    if (!this.deflater && this.codec?.deflater) this.deflater = this.codec.deflater();
    if (this.deflater) {
      this.compress(false);
      return;
    }
    const bigger = new Uint8Array(this.buffer.length * 2);
    bigger.set(this.buffer.subarray(0, this.at));
    this.buffer = bigger;
  }

  private compress(final: boolean): void {
    const chunk = this.buffer.subarray(0, this.at);
    this.crc = this.codec?.crc32 ? this.codec.crc32(chunk, this.crc) : crc32(chunk, this.crc);
    this.size += chunk.length;
    this.compressed.push((this.deflater as { push(data: Uint8Array, final: boolean): Uint8Array }).push(chunk, final));
    this.at = 0;
  }
}

/** UTF-8 of the pieces, in order, as one array. @example pieceBytes(['<v>', '█', '</v>']) // the bytes of '<v>█</v>' */
export function pieceBytes(pieces: readonly string[]): Uint8Array {
  const sink = new PartSink();
  for (const p of pieces) sink.push(p);
  return sink.finish() as Uint8Array;
}
