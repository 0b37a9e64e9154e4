import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../../engine/engine.ts';
import type { EmitEvent } from '../../engine/events.ts';
import { createHandlers } from '../../rpc/handlers.ts';
import { createRouter } from '../../rpc/router.ts';
import { resolveDataDir } from '../../store/data-dir.ts';
import { startWebHost, type WebHost } from './web-host.ts';

const RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

/** `npm run serve -- [--port N] [--data-dir DIR]`: the web host, printing one "ready" line. */
export async function serve(argv: string[]): Promise<WebHost> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  if (!existsSync(RENDERER_DIR)) throw new Error('The UI is not built yet: run `npm run build:renderer` first.');

  // The engine is created before the host that forwards its events; until then there is no UI to tell.
  const events: { broadcast?: EmitEvent } = {};
  const engine = await createEngine({
    dataDir: resolveDataDir(values['data-dir']),
    emit: (event, payload) => events.broadcast?.(event, payload),
  });
  const webHost = await startWebHost({ router: createRouter(createHandlers(engine, 'web')), staticDir: RENDERER_DIR, port });
  events.broadcast = webHost.broadcast;
  const close = async () => {
    await webHost.close();
    await engine.close();
  };
  return { ...webHost, close };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const host = await serve(process.argv.slice(2));
    console.log(`Shuttle is ready at ${host.launchUrl}`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`Shuttle could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
