// `npm run serve -- [--port N] [--data-dir DIR]`: the web host, after (re)building the UI if needed.
import { join } from 'node:path';
import { ensureRendererBuilt, ROOT } from './ensure-built.mjs';
import { runForwardingSignals } from './launcher.mjs';

try {
  ensureRendererBuilt();
  process.exitCode = await runForwardingSignals(process.execPath, [join(ROOT, 'main/hosts/web/serve.ts'), ...process.argv.slice(2)], {
    cwd: ROOT,
  });
} catch (error) {
  console.error(`Shuttle could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
