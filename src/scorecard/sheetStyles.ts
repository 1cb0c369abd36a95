/** The cell styles and the text cell the tool's own sheets share, so they look alike. */
import type { CellStyle, ContentCell } from '../workbook/grid';

export const HEADER: CellStyle = { bold: true, fill: 'D9E1F2', wrap: true };
export const HEADING: CellStyle = { bold: true };
export const NOTE: CellStyle = { italic: true, fontColor: '595959' };

export function text(value: string, style?: CellStyle): ContentCell {
  return style ? { value, style } : { value };
}
