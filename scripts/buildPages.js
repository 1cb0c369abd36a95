'use strict';
/**
 * Builds the pages (task pane, commands, workbench) in production mode with webpack's Node API, as
 * `npm run build` does, into any folder. Used by `npm run workbench`, the browser tests and the bench.
 */
const path = require('path');
const webpack = require('webpack');

const ROOT = path.resolve(__dirname, '..');

/**
 * Resolves to webpack's stats as JSON (assets and entrypoints). `harness` adds the browser tests' task
 * pane page. `root` builds another tree of the sources (an earlier commit's, for a bench's before and
 * after); it must sit inside this repository so that it finds the same node_modules. Rejects with
 * webpack's own errors when the build fails.
 */
async function buildPages({ outputPath, harness = false, root = ROOT }) {
  const configure = require(path.join(root, 'webpack.config.js'));
  const env = { outputPath: path.resolve(outputPath), ...(harness ? { harness: true } : {}) };
  const config = await configure(env, { mode: 'production' });
  config.mode = 'production';
  config.context = root;
  const compiler = webpack(config);
  const stats = await new Promise((resolve, reject) => compiler.run((err, s) => (err ? reject(err) : resolve(s))));
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) {
    const errors = stats.toJson({ all: false, errors: true }).errors.map((e) => e.message);
    throw new Error(`webpack build failed:\n${errors.join('\n')}`);
  }
  return stats.toJson({ all: false, assets: true, entrypoints: true });
}

module.exports = { buildPages, ROOT };
