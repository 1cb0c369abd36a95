import { builtinModules } from 'module';
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Every import specifier of every .ts file under a folder of src, with the file it is in. */
function importsUnder(folder: string): { file: string; from: string }[] {
  const out: { file: string; from: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)) out.push({ file: path.relative(SRC, full), from: m[1] });
      }
    }
  };
  walk(path.join(SRC, folder));
  return out;
}

const NODE = new Set(builtinModules);

/** The src folder an import lands in, "node" for Node's own modules, or the package name for a bare import. */
function target(file: string, from: string): string {
  if (!from.startsWith('.')) return NODE.has(from.replace(/^node:/, '')) ? 'node' : `package ${from}`;
  return path.relative(SRC, path.resolve(SRC, path.dirname(file), from)).split(path.sep)[0];
}

const CORE = ['engine', 'scorecard', 'workbook'];
const PURE = [...CORE, 'xlsx', 'app'];
const REACT = ['package react', 'package react-dom/client', 'package @fluentui/react-components'];

/**
 * What each folder of src may import: engine ← scorecard ← app ← hosts. The shared screens (ui) are imported
 * only by the two pages (taskpane, the workbench's .tsx files); no host imports another host. The pane and the
 * function commands are the add-in's pages, so they start the Office host (excel); nothing else does.
 */
const LAYERS: [string, string[]][] = [
  ['engine', ['engine']],
  ['workbook', ['workbook']],
  ['scorecard', ['engine', 'scorecard', 'workbook']],
  // The package patcher runs in the browser too: no Node, no Excel, no pane; fflate is its compressor there.
  ['xlsx', ['engine', 'scorecard', 'workbook', 'xlsx', 'package fflate']],
  // The workflow every host shares: pure, so it runs in Node, in Excel and in a browser alike. It knows no
  // file format either: the package patcher is what two of the hosts write with.
  ['app', [...CORE, 'app']],
  ['ui', [...CORE, 'app', 'ui', ...REACT]],
  ['excel', [...PURE, 'excel']],
  ['cli', [...PURE, 'cli', 'node']],
  // The ExcelJS adapter: the tests, the bench and the browser tests' fake Excel read workbooks with it.
  ['exceljs', [...PURE, 'exceljs', 'node', 'package exceljs']],
  ['workbench', [...PURE, 'workbench', 'ui', ...REACT]],
  ['taskpane', [...CORE, 'app', 'ui', 'excel', 'taskpane', ...REACT]],
  ['commands', [...PURE, 'excel']],
];

/**
 * The hosts, each a group of folders that ship together: the add-in (its Office host and the two pages that
 * start it), the command line, the workbench, and the ExcelJS adapter the tests read workbooks with.
 */
const HOSTS: Record<string, string[]> = {
  'the add-in': ['excel', 'taskpane', 'commands'],
  'the command line': ['cli'],
  'the workbench': ['workbench'],
  'the ExcelJS adapter': ['exceljs'],
};
const HOST_FOLDERS = Object.values(HOSTS).flat();

/** The order of the layers below the hosts: each may import only those before it (and itself). */
const ORDER = ['engine', 'scorecard', 'app'];

describe('the layers: engine ← scorecard ← app ← hosts, the shared screens only in the pages', () => {
  it('engine ← scorecard ← app: no layer imports one above it', () => {
    const upward = ORDER.flatMap((folder, i) =>
      importsUnder(folder)
        .filter(({ file, from }) => [...ORDER.slice(i + 1), ...HOST_FOLDERS, 'ui'].includes(target(file, from)))
        .map(({ file, from }) => `${file} imports ${from}`),
    );
    expect(upward).toEqual([]);
  });

  it.each(Object.entries(HOSTS))('%s imports no other host', (host, folders) => {
    const others = HOST_FOLDERS.filter((f) => !folders.includes(f));
    const crossing = folders.flatMap((folder) =>
      importsUnder(folder)
        .filter(({ file, from }) => others.includes(target(file, from)))
        .map(({ file, from }) => `${file} imports ${from}`),
    );
    expect(crossing).toEqual([]);
  });

  it("only the pages (the pane's and the workbench's .tsx files) import the shared screens", () => {
    const pages = (file: string): boolean => file.startsWith(`ui${path.sep}`) || file.startsWith(`taskpane${path.sep}`) || (file.startsWith(`workbench${path.sep}`) && file.endsWith('.tsx'));
    const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const outside = folders.flatMap((folder) =>
      importsUnder(folder)
        .filter(({ file, from }) => target(file, from) === 'ui' && !pages(file))
        .map(({ file, from }) => `${file} imports ${from}`),
    );
    expect(outside).toEqual([]);
    // The scan does see the pages' imports of the screens.
    expect(importsUnder('taskpane').some(({ file, from }) => target(file, from) === 'ui')).toBe(true);
  });

  it('the scan sees imports, type-only and re-exports included', () => {
    const found = importsUnder('scorecard').map(({ file, from }) => `${file} ${target(file, from)}`);
    expect(found).toEqual(expect.arrayContaining(['scorecard/rateWorkbook.ts engine', 'scorecard/manualFlags.ts workbook']));
  });

  it('every folder of src has its layer written down', () => {
    const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(LAYERS.map(([folder]) => folder).sort());
  });

  it.each(LAYERS)('src/%s imports only from %j', (folder, allowed) => {
    const outside = importsUnder(folder)
      .filter(({ file, from }) => !allowed.includes(target(file, from)))
      .map(({ file, from }) => `${file} imports ${from}`);
    expect(outside).toEqual([]);
  });

  it("the workbench's host code knows no screen: only its pages (.tsx) import React or the shared screens", () => {
    const screens = new Set(['ui', ...REACT]);
    const outside = importsUnder('workbench')
      .filter(({ file, from }) => !file.endsWith('.tsx') && screens.has(target(file, from)))
      .map(({ file, from }) => `${file} imports ${from}`);
    expect(outside).toEqual([]);
  });
});
