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
  // The workflow every host shares: pure, so it runs in Node, in Excel and in a browser alike.
  ['app', PURE],
  ['ui', [...CORE, 'app', 'ui', ...REACT]],
  ['excel', [...PURE, 'excel']],
  ['cli', [...PURE, 'cli', 'node']],
  // The ExcelJS adapter: the tests, the bench and the browser tests' fake Excel read workbooks with it.
  ['exceljs', [...PURE, 'exceljs', 'node', 'package exceljs']],
  ['workbench', [...PURE, 'workbench', 'ui', ...REACT]],
  ['taskpane', [...CORE, 'app', 'ui', 'excel', 'taskpane', ...REACT]],
  ['commands', [...PURE, 'excel']],
];

describe('the layers: engine ← scorecard ← app ← hosts, the shared screens only in the pages', () => {
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
