/**
 * ExcelJS reads a number format by dropping every backslash escape, so `0\%` (20 shown as "20%") comes
 * back as `0%` (20 shown as "2000%"): the engine would read the value as 2000 percent, and a run that
 * writes the workbook back would change what every such cell shows. Written as `0"%"`, the same literal
 * sign survives ExcelJS and looks the same in Excel.
 */
const FORMAT_CODE_RE = /\bformatCode\s*=\s*"([^"]*)"/g;

/** styles.xml with each escaped percent sign of a number format quoted instead. */
export function quotedPercentSigns(stylesXml: string): string {
  return stylesXml.replace(FORMAT_CODE_RE, (attr, code: string) =>
    code.includes('\\%') ? attr.replace(code, code.replace(/\\%/g, '&quot;%&quot;')) : attr,
  );
}
