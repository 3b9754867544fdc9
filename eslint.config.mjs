// ESLint for the whole repository (`npm run lint`, part of `npm test`).
// The layer table below is the one place that says which folder may import what (DESIGN.md §3);
// the rule that reads it is in scripts/eslint-plugin-kepu.mjs.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import kepu from './scripts/eslint-plugin-kepu.mjs';

const root = import.meta.dirname;

/** Packages only a user interface uses: nothing on the main side renders React. */
const UI_PACKAGES = ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-i18next', 'zustand', 'zustand/*', 'dompurify', '@tanstack/react-query'];
const ELECTRON = ['electron', 'electron/*'];
/** Browser dialogs the renderer must not call (see the renderer rules below). */
const BROWSER_DIALOGS = ['prompt', 'confirm', 'alert'];
const DIALOG_MESSAGE = 'use the in-app dialog (stores/useConfirmStore ask/askText): Electron has no prompt, and confirm/alert cannot be translated';

/**
 * The layers, first match wins. `imports`: the layers a file may import from (a string: anything
 * in it; `{ layer, types, values }`: types from any module when `types`, values only from the
 * modules listed). `packages`: `only` lists the packages allowed (everything else is an error),
 * `deny` lists forbidden ones (`builtin` = Node's own modules, with or without `node:`).
 */
export const LAYERS = [
  // The contract is shared by every process, the sandboxed renderer included: zod and nothing else.
  { name: 'contract', path: 'src-main/contract', imports: ['contract'], packages: { only: ['zod'] } },
  // The domain: plain Node, runs in the CLI and the browser shell too.
  {
    name: 'core', path: 'src-main/core', imports: ['core', 'contract'],
    packages: { deny: [...ELECTRON, ...UI_PACKAGES, 'i18next'], why: 'core is plain Node, shared by every shell' },
  },
  {
    name: 'app', path: 'src-main/app', imports: ['app', 'core', 'contract', 'locales', 'manifest'],
    packages: { deny: [...ELECTRON, ...UI_PACKAGES], why: 'handlers are shared by all shells' },
  },
  { name: 'host', path: 'src-main/host', imports: ['host', 'app', 'core', 'contract'], packages: { deny: [...ELECTRON, ...UI_PACKAGES], why: 'the browser shell runs without Electron' } },
  { name: 'cli', path: 'src-main/cli', imports: ['cli', 'host', 'app', 'core', 'contract'], packages: { deny: [...ELECTRON, ...UI_PACKAGES], why: 'the CLI runs without Electron' } },
  { name: 'electron', path: 'src-main/electron', imports: ['electron', 'app', 'core', 'contract'], packages: { deny: UI_PACKAGES } },
  // The sandboxed preload bundles nothing but electron and the zod-free bridge declarations (no
  // channel list: the main process checks every call against the contract).
  { name: 'preload', path: 'src-main/preload', imports: ['preload', { layer: 'contract', values: ['bridge'] }], packages: { only: ['electron'] } },
  // The renderer has no Node or Electron access: browser packages only, and only types from the
  // contract except its zod-free modules (so zod and the schemas stay out of the bundle).
  {
    name: 'renderer', path: 'src-renderer/src',
    imports: ['renderer', 'locales', { layer: 'contract', types: true, values: ['lists', 'queue-progress', 'definition-terms', 'definition-places', 'notice-file-limits', 'text-encoding', 'zoned-time', 'verify-text', 'carry-text', 'path-text', 'roster-terms', 'app-fonts'] }],
    packages: { only: [...UI_PACKAGES, 'i18next', '@expo-google-fonts/noto-sans-sc/*'] },
  },
  // Translations, read by the renderer and by the main side (CLI output, exported files).
  { name: 'locales', path: 'locales' },
  { name: 'manifest', path: 'package.json' }, // the app reads its version from it
];
/**
 * The React Compiler rules of eslint-plugin-react-hooks 7, all as errors but one.
 * `set-state-in-effect` stays off: its 15 hits set state in an effect on purpose (a form field
 * re-read when the saved value changes, a selection or a dialog's text reset when its subject does,
 * lists fetched by load functions not yet moved to the query cache of queries.ts, an article
 * fetched); each is a behaviour of its screen to rework one by one (issue 13 "UI data layer"), not a
 * mechanical fix. The "latest callback in a ref" writes that react-hooks/refs found go through
 * hooks/useLatest.ts now.
 */
const REACT_COMPILER_RULES = Object.fromEntries(
  Object.keys(reactHooks.configs['recommended-latest'].rules)
    .filter((rule) => !['react-hooks/rules-of-hooks', 'react-hooks/exhaustive-deps', 'react-hooks/set-state-in-effect'].includes(rule))
    .map((rule) => [rule, 'error']),
);
/** Top folders whose every source file must belong to a layer above. */
const CHECKED = ['src-main', 'src-renderer'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'reports/**', 'test-results/**', 'playwright-report/**', 'node_modules/**', 'bench/results/**', '.electron-native/**', 'tmp/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Off: every control-character range in a regular expression here is deliberate; it is how
      // file names and identifiers are cleaned or checked (six places, all `\u0000-\u001f`).
      'no-control-regex': 'off',
      // `_`-prefixed names are deliberately unused (a field dropped with `...rest`, a positional
      // parameter), the same convention tsc's noUnusedLocals/noUnusedParameters follow.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { ignores: ['src-renderer/**'], languageOptions: { globals: { ...globals.node } } },
  { plugins: { kepu }, rules: { 'kepu/disable-reason': 'error' } },
  {
    files: ['src-main/**/*.{ts,tsx,mts,mjs,js}', 'src-renderer/**/*.{ts,tsx,mts,mjs,js}'],
    rules: { 'kepu/layers': ['error', { root, layers: LAYERS, checked: CHECKED }] },
  },
  // SQL lives in core only (tests/unit/scripts/sql-only-in-core.test.ts), and there rows are typed where the
  // statement is prepared.
  { files: ['src-main/core/**/*.ts'], rules: { 'kepu/no-row-cast': 'error' } },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // Electron implements no window.prompt, and confirm/alert are bare untranslated system boxes:
      // ask through stores/useConfirmStore (ConfirmDialog). tests/e2e/walk-tabs.spec.ts also
      // records any call at run time.
      'no-restricted-globals': ['error', ...BROWSER_DIALOGS.map((name) => ({ name, message: DIALOG_MESSAGE }))],
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self', 'top', 'parent'].flatMap((object) => BROWSER_DIALOGS.map((property) => ({ object, property, message: DIALOG_MESSAGE }))),
      ],
      // An error, not a warning: a missing dependency is a stale value on screen; where leaving one
      // out is deliberate the line says why in its eslint-disable comment.
      'react-hooks/exhaustive-deps': 'error',
      // The React Compiler rules of react-hooks 7 (its recommended-latest set), as errors: this code
      // is not compiled by the compiler, but what they catch (impure render, writes to refs or
      // props during render, components made inside components…) is wrong without it too.
      ...REACT_COMPILER_RULES,
    },
  },
);
