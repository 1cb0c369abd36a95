'use strict';
/*
 * The baseline the command line is measured against: ExcelJS loads the workbook and writes it back, nothing
 * else. Prints {"loadMs","writeMs"} on stdout.
 *
 *   node scripts/bench/bare-roundtrip.js in.xlsx out.xlsx
 */
const ExcelJS = require('exceljs');

const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;

async function main() {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: bare-roundtrip.js in.xlsx out.xlsx');
  const t0 = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const loadMs = ms(t0);
  const t1 = process.hrtime.bigint();
  await wb.xlsx.writeFile(output);
  process.stdout.write(JSON.stringify({ loadMs, writeMs: ms(t1) }) + '\n');
}

main().catch((err) => {
  console.error(`bare-roundtrip: ${err.message}`);
  process.exit(1);
});
