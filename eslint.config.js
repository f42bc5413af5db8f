// ESLint (flat config), run by `npm run lint` and `npm test`. Syntax-only typescript-eslint
// rules (no type information) keep it fast; `tsc` already checks the types.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Lit elements: the widgets and the config page. */
const elements = ['packages/widgets/src/**/*.ts', 'packages/server/src/admin/ui/**/*.ts'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed parameters and destructured leftovers are deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // CommonJS config files (dependency-cruiser's) load their helpers with require().
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The widgets' sentences hold non-breaking spaces as themselves (French "commander :", "5 h"):
    // the escape would cost bytes on every page that loads them.
    files: ['packages/widgets/src/translations/*.ts'],
    rules: { 'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }] },
  },
  {
    // Chai's property assertions (`expect(element).to.exist`) read as bare expressions.
    files: ['packages/widgets/src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  { files: elements, ...lit.configs['flat/recommended'] },
  { files: elements, ...wc.configs['flat/recommended'] },
);
