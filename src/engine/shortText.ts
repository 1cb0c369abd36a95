/** The longest cell text an explanation quotes whole: council values and targets are well under it. */
export const MAX_QUOTED = 120;

/**
 * Cell text as an explanation quotes it: whole when short, else its first words and an ellipsis, so that a
 * 10,000-character note typed into a value cell never makes a 10,000-character explanation. Never cuts an
 * emoji's surrogate pair in two, which would leave text that is not valid in a workbook's XML.
 */
export function shortText(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  let head = text.slice(0, cut);
  const space = head.lastIndexOf(' ');
  if (space > max * 0.6) head = head.slice(0, space);
  return `${head.trimEnd()}…`;
}
