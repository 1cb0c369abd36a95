import { pieceBytes } from '../../src/xlsx/pieceBytes';

const joined = (pieces: string[]) => new TextEncoder().encode(pieces.join(''));

describe('pieceBytes', () => {
  it('gives the UTF-8 of the pieces joined, for plain text', () => {
    const pieces = ['<row r="1">', '<c r="A1"><v>1</v></c>', '', '</row>'];
    expect(pieceBytes(pieces)).toEqual(joined(pieces));
  });

  it('grows its buffer when the text is mostly characters of three and four bytes', () => {
    const pieces = Array.from({ length: 500 }, (_, i) => (i % 2 ? '█▲▼' : 'é😀£'));
    expect(pieceBytes(pieces)).toEqual(joined(pieces));
  });

  it('is empty for no pieces', () => {
    expect(pieceBytes([])).toEqual(new Uint8Array(0));
  });
});
