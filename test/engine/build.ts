/** Small builders for hand-made measures and observations in engine tests. */
import { parsePeriod } from '../../src/engine/periods';
import { readObservations } from '../../src/engine/latestValue';
import type { ReadObservation } from '../../src/engine/latestValue';
import type { Frequency } from '../../src/engine/targets';
import type { CellInput, Measure, Period } from '../../src/engine/types';

/** A period from its header text; fails the test loudly when the header does not parse. */
export function period(header: string, contextYear?: number): Period {
  const p = parsePeriod(header, contextYear);
  if (!p) throw new Error(`test header "${header}" is not a period`);
  return p;
}

type Raw = CellInput['value'] | CellInput;

function cell(v: Raw): CellInput {
  return v !== null && typeof v === 'object' && !(v instanceof Date) ? v : { value: v };
}

/** Observations read (and ordered newest first) as the engine reads them, from header → value pairs. */
export function read(values: Record<string, Raw>, frequency: Frequency = 'unknown'): ReadObservation[] {
  return readObservations(
    Object.entries(values).map(([h, v]) => ({ period: period(h), cell: cell(v) })),
    frequency,
  );
}

export interface MeasureSpec {
  target?: Raw;
  polarity?: string;
  frequency?: string;
  values?: Record<string, Raw>;
  notes?: string;
  override?: string;
  currentStatus?: string;
  ref?: string;
  name?: string;
  tolerance?: Raw;
}

/** A measure row as the reader would build it. */
export function measure(spec: MeasureSpec): Measure {
  const m: Measure = {
    sheet: 'Scorecard',
    row: 7,
    ref: spec.ref ?? '1.A1',
    name: spec.name ?? 'Test measure',
    priority: 'Priority 1',
    polarity: { value: spec.polarity ?? 'High' },
    frequency: { value: spec.frequency ?? 'Quarterly' },
    target: cell(spec.target ?? null),
    currentStatus: { value: spec.currentStatus ?? null },
    observations: Object.entries(spec.values ?? {}).map(([h, v]) => ({ period: period(h), cell: cell(v) })),
  };
  if (spec.notes !== undefined) m.notes = spec.notes;
  if (spec.override !== undefined) m.override = { value: spec.override };
  if (spec.tolerance !== undefined) m.tolerance = cell(spec.tolerance);
  return m;
}

/** A percentage stored as a fraction with a % format, as the fixtures store them. */
export function pct(fraction: number, format = '0.0%'): CellInput {
  return { value: fraction, numberFormat: format };
}
