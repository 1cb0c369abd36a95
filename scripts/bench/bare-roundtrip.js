'use strict';
/*
 * The baseline the command line is measured against: ExcelJS loads the workbook and writes it back, nothing
 * else. Prints {"loadMs","writeMs"} on stdout.
 *
 *   node scripts/bench/bare-roundtrip.js in.xlsx out.xlsx [--zip DIST]
 *
 * With --zip, the write goes through the command line's own zip writer (DIST/node/writeXlsx.js) instead of
 * ExcelJS's JSZip: the same round trip with the same packing as the command line, so that the command line's
 * time over it is the cost of rating alone.
 */
const ExcelJS = require('exceljs');

const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;

async function main() {
  const [input, output, flag, dist] = process.argv.slice(2);
  if (!input || !output || (flag !== undefined && (flag !== '--zip' || !dist))) throw new Error('usage: bare-roundtrip.js in.xlsx out.xlsx [--zip DIST]');
  const write = dist ? require(require('path').join(dist, 'node', 'writeXlsx.js')).writeXlsxFile : (wb, file) => wb.xlsx.writeFile(file);
  const t0 = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const loadMs = ms(t0);
  const t1 = process.hrtime.bigint();
  await write(wb, output);
  process.stdout.write(JSON.stringify({ loadMs, writeMs: ms(t1) }) + '\n');
}

main().catch((err) => {
  console.error(`bare-roundtrip: ${err.message}`);
  process.exit(1);
});
