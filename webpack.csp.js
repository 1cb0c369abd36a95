/**
 * The Content-Security-Policy of each page, set as a <meta> in its HTML so it travels with the files
 * whatever server hosts them. No page allows eval; only the Office pages may load from Microsoft's CDN,
 * and only because Office requires office.js from there.
 *
 * Styles allow 'unsafe-inline': Fluent UI (Griffel) adds its style rules at run time, and office.js's
 * Excel script sets inline styles (OfficeDev/office-js#1687). Inline scripts are never allowed.
 */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

function policy(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

const LOCKED = {
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * The Office pages (task pane, ribbon commands): our own scripts and office.js, which loads the rest of
 * itself from the same CDN. Office's telemetry hosts are left out on purpose: nothing but office.js.
 * `devServer` adds the dev server's socket for hot reload during `npm run dev-server`.
 */
function officePage(devServer) {
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", OFFICE_CDN],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", OFFICE_CDN, ...(devServer ? [devServer] : [])],
    'frame-src': ["'self'", OFFICE_CDN],
    ...LOCKED,
  });
}

/** The workbench: our scripts only, and no connections at all, so no file can leave the page. */
function workbenchPage(devServer) {
  return policy({
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': devServer ? [devServer] : ["'none'"],
    ...LOCKED,
  });
}

/** Static help and message pages: no script of their own beyond ours, no connections. */
function staticPage() {
  return policy({
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'unsafe-inline'"],
    'img-src': ["'self'"],
    ...LOCKED,
  });
}

/**
 * The browser tests' task pane page: the task pane's policy without the Office CDN (there is no Office),
 * with connections to itself so the page can fetch the fixture workbook it shows.
 */
function harnessPage() {
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    ...LOCKED,
  });
}

module.exports = { OFFICE_CDN, officePage, workbenchPage, staticPage, harnessPage };
