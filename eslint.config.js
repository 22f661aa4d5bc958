// @ts-check
import tseslint from 'typescript-eslint';

/** Only the store speaks SQLite or PostgreSQL: the drivers and the store's own files stay inside src/store. */
const STORE_INSIDE = [
  { group: ['better-sqlite3'], message: 'only src/store talks to SQLite; use the store port (src/store/index.ts)' },
  { group: ['pg', 'pg/*'], message: 'only src/store talks to PostgreSQL; use the store port (src/store/index.ts)' },
  { group: ['**/store/*', '!**/store/index.js', '**/store/*/**'], message: "import the store through its port, src/store/index.ts, not its internals" },
];
/** Stages never import the edges, nor the store (only the pipeline and the edges touch it). */
const EDGES = { group: ['**/cli/**', '**/api/**', '**/web/**'], message: 'stages and the store never import the edges' };
const STORE = { group: ['**/store/**', '**/store/index.js'], message: 'only the pipeline and the edges (cli, api) touch the store' };

/** SQL (upper-case keywords, as this code writes it), pragmas and search syntax are written inside src/store only. */
const SQL = /^\s*(SELECT\s[\s\S]*\sFROM\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(TEMP\s+|VIRTUAL\s+|UNIQUE\s+)?(TABLE|INDEX|TRIGGER|VIEW)\s|DROP\s+(TABLE|INDEX)\s|ALTER\s+TABLE\s|(PRAGMA|pragma)\s|BEGIN(\s+(IMMEDIATE|EXCLUSIVE|DEFERRED|TRANSACTION))?\s*;?\s*$|COMMIT\s*;?\s*$|ROLLBACK\s*;?\s*$|(journal_mode|busy_timeout|data_version|user_version|application_id)\b)/;
const NO_SQL = [
  'error',
  { selector: `Literal[value=${SQL}]`, message: 'no SQL outside src/store: add a repository method to the store port' },
  { selector: `TemplateElement[value.raw=${SQL}]`, message: 'no SQL outside src/store: add a repository method to the store port' },
  { selector: 'Literal[value=/\\bMATCH\\s+[@?:]|articles_fts/]', message: 'no full-text search syntax outside src/store' },
  { selector: 'TemplateElement[value.raw=/\\bMATCH\\s+[@?:]|articles_fts/]', message: 'no full-text search syntax outside src/store' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // The stages: neither the edges nor the store.
      'no-restricted-imports': ['error', { patterns: [EDGES, STORE, ...STORE_INSIDE] }],
      'no-restricted-syntax': NO_SQL,
    },
  },
  {
    // The pipeline touches the store (through its port), never the edges.
    files: ['src/pipeline/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [EDGES, ...STORE_INSIDE] }] },
  },
  {
    // The edges, tests, benches and evals may import anything but SQLite and the store's internals.
    files: ['src/cli/**', 'src/api/**', 'src/web/**', 'eval/**', 'bench/**', 'test/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: STORE_INSIDE }] },
  },
  {
    // The web pages render what the service gives them: no store.
    files: ['src/web/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [STORE, ...STORE_INSIDE] }] },
  },
  {
    // The store itself.
    files: ['src/store/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [EDGES] }], 'no-restricted-syntax': 'off' },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
