import { auditVerdict } from '../../scripts/audit';

/** The shape of `npm audit --json` (report version 2), trimmed to what is read. */
function report(vulnerabilities: Record<string, { severity: string; range?: string; via?: unknown[]; fixAvailable?: boolean }>) {
  const counts: Record<string, number> = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  for (const v of Object.values(vulnerabilities)) counts[v.severity] += 1;
  return {
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(Object.entries(vulnerabilities).map(([name, v]) => [name, { name, ...v }])),
    metadata: { vulnerabilities: { ...counts, total: Object.keys(vulnerabilities).length }, dependencies: { prod: 120 } },
  };
}

describe('reading npm audit for the production tree', () => {
  it('passes a clean tree and one with only moderate or low advisories', () => {
    expect(auditVerdict(report({}))).toEqual({ ok: true, checked: true, lines: ['npm audit --omit=dev: 0 critical, 0 high, 0 moderate, 0 low, 0 info'] });
    const moderate = auditVerdict(report({ uuid: { severity: 'moderate', range: '<11.1.1' } }));
    expect(moderate.ok).toBe(true);
    expect(moderate.lines[0]).toContain('1 moderate');
  });

  it('fails on a high or critical advisory and names the package and the advisory', () => {
    const v = auditVerdict(
      report({
        jszip: { severity: 'high', range: '<3.8.0', via: [{ title: 'Prototype pollution in loadAsync', url: 'https://example.invalid/1' }], fixAvailable: true },
        tar: { severity: 'critical', via: ['jszip'] },
      }),
    );
    expect(v.ok).toBe(false);
    expect(v.lines).toEqual([
      'npm audit --omit=dev: 1 critical, 1 high, 0 moderate, 0 low, 0 info',
      '  high: jszip <3.8.0 (Prototype pollution in loadAsync), fix available',
      '  critical: tar (jszip)',
    ]);
  });

  it('says plainly when the advisory service gave no report, and does not call that a pass', () => {
    const v = auditVerdict({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    expect(v.checked).toBe(false);
    expect(v.lines[0]).toMatch(/gave no report \(405 Method Not Allowed.*\); production dependencies were not checked/);
    expect(auditVerdict(null).checked).toBe(false);
  });
});
