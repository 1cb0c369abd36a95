/**
 * The add-in bundle, laid out as in Microsoft's Office-Addin-TaskPane-React template: a task pane and a
 * function-command file, each from its own entry and HTML page, with the icons and manifest copied beside
 * them. Output goes to dist/addin so it never touches the command line's dist/node.
 *
 * `npm run build` works offline and needs no certificate; `npm run dev-server` / `npm start` serve over
 * https with office-addin-dev-certs' localhost certificate, as Office requires.
 * Set ADDIN_URL (e.g. https://addins.example.gov.uk/scorecard/) for a production build whose manifest points
 * there instead of https://localhost:3000/.
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000/';

async function httpsOptions() {
  // Only the dev server needs a certificate: a build must not depend on this package or its prompts.
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const urlProd = process.env.ADDIN_URL;
  return {
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
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
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/commands/message.html', to: 'message.html' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
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
      server: env && env.WEBPACK_SERVE ? { type: 'https', options: await httpsOptions() } : 'https',
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
