'use strict';
/*
 * The same 10,000-row scorecard twice: alone, and beside an untouched data sheet of ROWS rows (a million by
 * default). The command line rates each; the second should cost about what the first does, since a large
 * sheet with no scorecard header in its top is never inflated whole. Prints one JSON object.
 *
 *   node scripts/bench/untouched.js '{"dist":"…/dist/node","dir":"…","rows":1000000}'
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { TextDecoder, TextEncoder } = require('util');

function main() {
  const opts = JSON.parse(process.argv[2]);
  const { readZip, writeZip, entryBytes } = require(path.join(opts.dist, 'xlsx', 'zip.js'));
  const { zlibCodec } = require(path.join(opts.dist, 'cli', 'zlibCodec.js'));
  const small = fs.readFileSync(opts.input);
  const entries = readZip(small);
  const text = (name) => new TextDecoder().decode(entryBytes(entries.find((e) => e.name === name), zlibCodec));
  const rows = [];
  for (let r = 1; r <= opts.rows; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${(r * 7919) % 100003}</v></c></row>`);
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const edits = new Map([
    ['xl/workbook.xml', text('xl/workbook.xml').replace('</sheets>', '<sheet name="Ledger" sheetId="99" r:id="rIdLedger"/></sheets>')],
    ['xl/_rels/workbook.xml.rels', text('xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rIdLedger" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/ledger.xml"/></Relationships>')],
    ['[Content_Types].xml', text('[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/worksheets/ledger.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')],
  ]);
  const enc = new TextEncoder();
  const parts = entries.map((e) => (edits.has(e.name) ? { name: e.name, bytes: enc.encode(edits.get(e.name)) } : { copy: e }));
  parts.push({ name: 'xl/worksheets/ledger.xml', bytes: enc.encode(sheet) });
  const big = writeZip(parts, { ...zlibCodec, deflate: (d) => zlib.deflateRawSync(d, { level: 1 }) });
  fs.writeFileSync(opts.output, big);
  process.stdout.write(JSON.stringify({ bytes: big.length }) + '\n');
}

main();
