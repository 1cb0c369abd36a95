'use strict';
/**
 * A small static file server for the built pages (dist/addin), on the loopback address only: the
 * workbench needs no more than files, and the browser tests need the production build as a browser sees
 * it. No directory listings, nothing outside the root, and a few extra files by exact URL (the tests'
 * fixture workbook) when asked.
 */
const fs = require('fs');
const http = require('http');
const path = require('path');
const { URL } = require('url');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file a URL path names under root, or null when it would leave root. */
function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/**
 * Serves `root` on 127.0.0.1. `port` 0 takes any free port. `extra` maps exact URL paths ("/fixture.xlsx")
 * to files outside root. `index` is where "/" redirects. Resolves to { server, url, close() }.
 */
function serveStatic({ root, port = 0, extra = {}, index = 'workbench.html' }) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url || '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (urlPath === '/') {
      res.writeHead(302, { Location: `/${index}` }).end();
      return;
    }
    const file = extra[urlPath] ?? fileFor(base, urlPath);
    fs.stat(file ?? '', (err, stat) => {
      if (!file || err || !stat.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://127.0.0.1:${actual}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

module.exports = { serveStatic };
