/** Types for scripts/audit.js, so tests can check how it reads npm audit's JSON. */
export interface AuditVerdict {
  ok: boolean;
  checked: boolean;
  lines: string[];
}
export function auditVerdict(json: unknown): AuditVerdict;
