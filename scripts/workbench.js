#!/usr/bin/env node
'use strict';
/**
 * `npm run workbench`: builds the pages and serves the workbench on this machine only, offline.
 *
 *   npm run workbench [-- --port 8080] [--no-build]
 *
 * The workbench reads and rates workbooks in the browser; this server only hands out its files.
 */
const fs = require('fs');
const path = require('path');
const { buildPages, ROOT } = require('./buildPages');
const { serveStatic } = require('./staticServer');

const DIST = path.join(ROOT, 'dist', 'addin');

function parseArgs(argv) {
  const opts = { port: 8080, build: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') opts.port = Number(argv[++i]);
    else if (argv[i] === '--no-build') opts.build = false;
    else throw new Error(`unknown option ${argv[i]} (usage: npm run workbench [-- --port 8080] [--no-build])`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port needs a port number');
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.build) {
    process.stderr.write('Building the pages (production)…\n');
    await buildPages({ outputPath: DIST });
  } else if (!fs.existsSync(path.join(DIST, 'workbench.html'))) {
    throw new Error('dist/addin has no workbench.html: run without --no-build, or `npm run build` first');
  }
  const { url } = await serveStatic({ root: DIST, port: opts.port });
  process.stdout.write(`Scorecard workbench: ${url}workbench.html (Ctrl+C to stop)\n`);
}

main().catch((e) => {
  process.stderr.write(`workbench: ${e.message}\n`);
  process.exit(1);
});
