import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly' } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The pages run in a browser: Node's modules and ExcelJS would only break or bloat them (src/cli and src/exceljs are for Node).
    files: ['src/workbench/**', 'src/taskpane/**', 'src/ui/**', 'src/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'exceljs', message: 'The pages edit workbooks with the package patcher (src/xlsx), not ExcelJS.' }],
          patterns: [{ group: ['**/cli/*', '**/cli', '**/exceljs/*', '**/exceljs'], message: 'src/cli and src/exceljs are for Node only: the pages use src/xlsx and the browser codec.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
