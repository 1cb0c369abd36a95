/**
 * The add-in bundle, laid out as in Microsoft's Office-Addin-TaskPane-React template: a task pane and a
 * function-command file, each from its own entry and HTML page, with the icons and manifest copied beside
 * them; and beside them the browser workbench, which needs no Office. Output goes to dist/addin so it
 * never touches the command line's dist/node.
 *
 * `npm run build` works offline and needs no certificate; `npm run dev-server` / `npm start` serve over
 * https with office-addin-dev-certs' localhost certificate, as Office requires.
 * Set ADDIN_URL (e.g. https://addins.example.gov.uk/scorecard/) for a production build whose manifest points
 * there instead of https://localhost:3000/.
 *
 * env.outputPath builds elsewhere (the browser tests and the bundle-size bench); env.harness adds the
 * browser tests' task pane page, which runs the pane over a fake Excel.
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const csp = require('./webpack.csp');

const urlDev = 'https://localhost:3000/';

async function httpsOptions() {
  // Only the dev server needs a certificate: a build must not depend on this package or its prompts.
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

/**
 * ExcelJS's browser build without polyfills, for the browser tests' task pane page only: its fake Excel
 * holds the fixture read by ExcelJS. No page we ship loads it. Relative to this folder, as the other
 * copied files are.
 */
const EXCELJS_BROWSER = path.relative(__dirname, require.resolve('exceljs/dist/exceljs.bare.min.js')).split(path.sep).join('/');

/** The harness page loads ExcelJS as a file of its own (vendor/), so the build does not re-minify a megabyte of it. */
const harnessExcelJs = {
  from: EXCELJS_BROWSER,
  to: 'vendor/exceljs.bare.min.js',
  // Already minified by ExcelJS: minifying it again only costs build time.
  info: { minimized: true },
  // Its source map is not shipped, so the pointer to it goes too.
  transform: (content) => content.toString().replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'),
};

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);
  // Hot reload talks to the dev server over a socket; the policy allows it only while serving.
  const devSocket = serving ? `wss://localhost:${port}` : null;
  const urlProd = process.env.ADDIN_URL;
  const page = (filename, template, chunks, policy) =>
    new HtmlWebpackPlugin({ filename, template, chunks, templateParameters: { csp: policy } });
  return {
    // The language level the TypeScript is compiled to. It also tells webpack every browser we support has
    // globalThis, so its runtime needs no `new Function("return this")` fallback: no eval of any kind.
    target: ['web', 'es2020'],
    // Source maps as separate files in every mode: webpack's eval-based devtools would need 'unsafe-eval'.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      message: './src/commands/message.ts',
      workbench: './src/workbench/index.tsx',
      ...(env.harness ? { 'taskpane-harness': './test/browser/harness/taskpaneHarness.tsx' } : {}),
    },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, 'dist/addin'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    // Only the test harness reads with ExcelJS; the pages we ship edit workbooks with src/xlsx.
    ...(env.harness ? { externals: { exceljs: 'ExcelJS' } } : {}),
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the bundle only needs the JavaScript.
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } } },
        },
      ],
    },
    plugins: [
      page('taskpane.html', './src/taskpane/taskpane.html', ['taskpane'], csp.officePage(devSocket)),
      page('commands.html', './src/commands/commands.html', ['commands'], csp.officePage(devSocket)),
      page('message.html', './src/commands/message.html', ['message'], csp.staticPage()),
      page('workbench.html', './src/workbench/workbench.html', ['workbench'], csp.workbenchPage(devSocket)),
      ...(env.harness ? [page('taskpane-harness.html', './test/browser/harness/harness.html', ['taskpane-harness'], csp.harnessPage())] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          ...(env.harness ? [harnessExcelJs] : []),
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform(content) {
              return dev || !urlProd ? content : content.toString().replace(new RegExp(urlDev, 'g'), urlProd);
            },
          },
        ],
      }),
    ],
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    devServer: {
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving ? { type: 'https', options: await httpsOptions() } : 'https',
      port,
    },
  };
};
