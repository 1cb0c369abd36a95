import * as fs from 'fs';
import * as path from 'path';

/** The published scorecards the acceptance tests rate (public council data; see test/fixtures/README.md). */
export const FIXTURES = path.resolve(__dirname, '../fixtures');

export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

export function readFixtureJson<T>(name: string): T {
  return JSON.parse(fs.readFileSync(fixturePath(name), 'utf8')) as T;
}

/** Refs are written with varying spaces and brackets ("2.A1 (a)", "2.A1a"): compare them loosely. */
export function normaliseRef(ref: string): string {
  return ref.toLowerCase().replace(/[\s.()\-_]/g, '');
}
