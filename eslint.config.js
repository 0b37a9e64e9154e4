// Lint rules that keep each layer in its lane (DESIGN.md §2); tsconfig per layer hides the wrong globals.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare module names are matched exactly (as `paths`), so a project folder such as shared/http is not caught.
const nodeModules = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'http2', 'tls', 'undici', 'ws'];
const nodeOnlyPaths = (message) => nodeModules.map((name) => ({ name, message }));
const nodeOnlyPatterns = ['node:*', 'undici/*', 'ws/*'];
const noElectron = { name: 'electron', message: 'Only main/hosts/electron may import electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/unit/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeOnlyPaths('shared/ runs everywhere: no Node modules.')],
          patterns: [
            { group: nodeOnlyPatterns, message: 'shared/ runs everywhere: no Node modules.' },
            { group: ['react', 'react-dom', 'react/*', '@codemirror/*', 'codemirror'], message: 'shared/ has no UI code.' },
            { group: ['**/main/**', '**/renderer/**', '**/test/**'], message: 'shared/ imports nothing outside shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeOnlyPaths('The renderer is an untrusted web page: it reaches the engine only through platform/.')],
          patterns: [
            { group: nodeOnlyPatterns, message: 'The renderer is an untrusted web page: it reaches the engine only through platform/.' },
            { group: ['**/main/**', '**/test/**'], message: 'The renderer may import shared/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/hosts/electron/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports renderer code.' }],
        },
      ],
    },
  },
  {
    files: ['main/engine/**/*.ts', 'main/store/**/*.ts', 'main/rpc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/renderer/**'], message: 'main/ never imports renderer code.' },
            { group: ['**/hosts/**'], message: 'The engine, store and router know nothing of the hosts that drive them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/hosts/electron/**/*.ts'],
    ignores: ['main/hosts/electron/ipc-bridge.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'Only ipc-bridge.ts talks to ipcMain.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports renderer code.' }],
        },
      ],
    },
  },
  {
    files: ['main/hosts/electron/**/*.ts'],
    ignores: ['main/hosts/electron/external-links.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'Open links through external-links.ts (URL allow-list).' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'renderer/vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright fixtures that depend on no other fixture must destructure `{}`: that is its API.
    files: ['test/e2e/**/*.ts', 'test/bench/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
