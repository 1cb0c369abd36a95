import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { summarise } from '../../src/engine/summarise';
import { reportJson, writeReportFile } from '../../src/cli/reportFile';
import type { Report } from '../../src/scorecard/types';

function report(rows: number): Report {
  return {
    rows: Array.from({ length: rows }, (_, i) => ({
      sheet: 'Scorecard',
      row: i + 5,
      ref: `1.A${i}`,
      status: 'off-target' as const,
      dot: 'worse' as const,
      explanation: `Sep-17 value ${i} vs target 336.9 (lower is better): “quoted”, a \\ backslash and a "quote" → off target`,
    })),
    summary: summarise([{ priority: 'P1', status: 'off-target', dot: 'worse' }]),
    redFlags: [],
    warnings: [{ message: 'ref 1.A1 is used on rows 5 and 6', where: { sheet: 'Scorecard', ref: '1.A1' }, kept: true }],
  };
}

describe('the JSON report file', () => {
  it('is the report, one line per row, red flag and warning', () => {
    const r = report(3);
    const text = reportJson(r);
    expect(JSON.parse(text)).toEqual(r);
    expect(text.split('\n').filter((l) => l.startsWith('    {"sheet"'))).toHaveLength(3);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(reportJson({ ...r, rows: [], warnings: [] }))).toEqual({ ...r, rows: [], warnings: [] });
  });

  it('is written in chunks to the same text, however long', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-report-'));
    try {
      const r = report(20000);
      const file = path.join(dir, 'report.json');
      await writeReportFile(file, r);
      expect(fs.readFileSync(file, 'utf8')).toBe(reportJson(r));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
