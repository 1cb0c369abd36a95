/**
 * Text made of many pieces (a patched sheet's rows, a tool sheet's cells) turned into UTF-8 bytes without
 * first joining it into one string: a 100,000-row sheet's text is a hundred million characters, and one
 * status symbol makes V8 hold all of it at two bytes a character, beside the bytes it is encoded into.
 */

const encoder = new TextEncoder();

/**
 * UTF-8 of the pieces, in order, as one array (a view of a buffer at most a little larger). A piece must not
 * end inside a surrogate pair: the pieces of an XML part are cut at tags, never inside a character.
 *
 * @example pieceBytes(['<v>', '█', '</v>']) // the bytes of '<v>█</v>'
 */
export function pieceBytes(pieces: readonly string[]): Uint8Array {
  let chars = 0;
  for (const p of pieces) chars += p.length;
  // Mostly ASCII: a little room for symbols and accents; the buffer grows if that is not enough.
  let out = new Uint8Array(chars + (chars >> 3) + 64);
  let at = 0;
  for (const piece of pieces) {
    let rest = piece;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, out.subarray(at));
      at += written;
      if (read === rest.length) break;
      rest = rest.slice(read);
      const bigger = new Uint8Array(Math.max(out.length * 1.5, at + rest.length * 3 + 64) | 0);
      bigger.set(out.subarray(0, at));
      out = bigger;
    }
  }
  return out.subarray(0, at);
}
