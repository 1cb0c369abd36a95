/**
 * A sentence built by concatenation is kept by V8 as a tree of its pieces until something reads it whole.
 * Explanations are kept to the end of a run (one per row of a 100,000-row sheet), so they are made flat when
 * built: one string instead of a dozen pieces, which is less memory to hold and fewer objects for the
 * garbage collector to walk.
 *
 * @example flatString(`${a}: ${b}.`) // the same text, stored as one piece
 */
export function flatString(s: string): string {
  // Converting to a number reads the string whole, which flattens it where it is (the trick of the flatstr package).
  void Number(s);
  return s;
}
