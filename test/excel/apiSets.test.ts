/**
 * Office API discipline: the add-in's code (src/excel, src/commands, src/taskpane) uses no Excel API member
 * above the requirement set the manifest declares, unless the member belongs to an optional API of
 * src/excel/requirements.ts that the code asks isSetSupported about before using it. The versions come from
 * the "[Api set: ExcelApi 1.x]" tags of @types/office-js, resolved by the compiler, so a member is told
 * apart from one of the same name on another class.
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXCEL_API, OPTIONAL_APIS } from '../../src/excel/requirements';
import { compareVersions, excelApiUses } from './support/apiSets';

const ROOT = path.resolve(__dirname, '../..');
const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const declared = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(manifest)?.[1];

const { uses, guards } = excelApiUses(['src/excel', 'src/commands', 'src/taskpane']);

describe('the Excel API members the add-in uses', () => {
  it('the manifest declares the ExcelApi version the code checks at run time', () => {
    expect(declared).toBe(EXCEL_API.version);
  });

  it('the scan resolves members to their requirement set, one class from another', () => {
    const seen = new Map(uses.map((u) => [u.member, u.version]));
    // Worksheet.getRanges is what sets the floor at 1.9; Range.getMergedAreasOrNullObject is the guarded 1.13 one.
    expect(seen.get('Worksheet.getRanges')).toBe('1.9');
    expect(seen.get('Range.getMergedAreasOrNullObject')).toBe('1.13');
    expect(seen.get('Range.values')).toBe('1.1');
    expect(compareVersions('1.13', '1.9')).toBeGreaterThan(0);
  });

  it(`nothing above ExcelApi ${declared} is used without an isSetSupported guard`, () => {
    const allowed = new Map<string, string>();
    for (const [name, api] of Object.entries(OPTIONAL_APIS)) for (const m of api.members) allowed.set(m, name);
    const unguarded = uses
      .filter((u) => compareVersions(u.version, declared ?? '0') > 0)
      .filter((u) => {
        const api = allowed.get(u.member);
        return api === undefined || compareVersions(u.version, OPTIONAL_APIS[api].version) > 0;
      })
      .map((u) => `${u.at}: ${u.member} needs ExcelApi ${u.version}`);
    expect(unguarded).toEqual([]);
  });

  it('every optional API is asked of isSetSupported in the add-in before its members are used', () => {
    const asked = new Set(guards.map((g) => g.name));
    expect(Object.keys(OPTIONAL_APIS).filter((name) => !asked.has(name))).toEqual([]);
  });

  it('an optional API is above the declared set (otherwise it needs no guard) and lists what it brings', () => {
    for (const api of Object.values(OPTIONAL_APIS)) {
      expect(compareVersions(api.version, declared ?? '0')).toBeGreaterThan(0);
      expect(api.members.length).toBeGreaterThan(0);
    }
  });
});
