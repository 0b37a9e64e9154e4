// Bundles the Electron host: the main process (engine included, so the packaged app needs no
// node_modules) and the sandboxed preload. `npm run build:main`.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What `npm start` compares with the sources to decide whether to rebuild. */
export const MAIN_BUNDLE = 'dist/main/electron-main.cjs';
export const PRELOAD_BUNDLE = 'dist/main/preload.cjs';
export const HISTORY_WRITER_BUNDLE = 'dist/main/history-writer-thread.cjs';

export async function buildMain() {
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    // Any import.meta left in the graph would be empty in CommonJS: fail the build instead.
    logOverride: { 'empty-import-meta': 'error' },
  };
  const nodeBundle = {
    platform: 'node',
    target: 'node24',
    // A module finds the scripts beside it through import.meta.url: in CommonJS, the bundle's own URL.
    define: { 'import.meta.url': 'bundleUrl' },
    banner: { js: "const bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await Promise.all([
    build({
      ...common,
      ...nodeBundle,
      entryPoints: ['main/hosts/electron/main.ts'],
      outfile: MAIN_BUNDLE,
      // ws loads these optional native speed-ups only if they are installed; Shuttle ships none.
      external: [...common.external, 'bufferutil', 'utf-8-validate'],
    }),
    // Worker threads are scripts of their own, found beside the main bundle (see history-writer.ts).
    build({
      ...common,
      ...nodeBundle,
      entryPoints: ['main/store/history/history-writer-thread.ts'],
      outfile: HISTORY_WRITER_BUNDLE,
    }),
    build({
      ...common,
      entryPoints: ['main/hosts/electron/preload.ts'],
      outfile: PRELOAD_BUNDLE,
      // A sandboxed preload runs in the renderer process with only a browser-like `require('electron')`.
      platform: 'browser',
      target: 'chrome140',
    }),
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await buildMain();
    console.log(`Built ${MAIN_BUNDLE}, ${PRELOAD_BUNDLE} and ${HISTORY_WRITER_BUNDLE}`);
  } catch {
    // esbuild has already printed what went wrong.
    process.exitCode = 1;
  }
}
