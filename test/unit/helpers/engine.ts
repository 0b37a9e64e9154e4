import { onTestFinished } from 'vitest';
import type { EventMessage } from '../../../shared/contract/events.ts';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import { createEngine, type Engine } from '../../../main/engine/engine.ts';
import type { EmitEvent } from '../../../main/engine/events.ts';
import { createHandlers } from '../../../main/rpc/handlers.ts';
import { createRouter, type Router } from '../../../main/rpc/router.ts';
import { startHttpFixture, type HttpFixture } from '../../fixtures/servers/http-fixture.ts';
import { tempDir } from './temp-dir.ts';

export interface TestEngine {
  engine: Engine;
  /** The router over this engine, as a host would build it. */
  router: Router;
  dataDir: string;
  /** Every event the engine emitted, oldest first. */
  events: EventMessage[];
}

/**
 * A real engine over a temp data dir, closed when the test ends. `onEvent` also receives every
 * event (the web host test forwards them to its UIs).
 */
export async function startTestEngine(options: { dataDir?: string; onEvent?: EmitEvent } = {}): Promise<TestEngine> {
  const dataDir = options.dataDir ?? (await tempDir());
  const events: EventMessage[] = [];
  const engine = await createEngine({
    dataDir,
    emit: (event, payload) => {
      events.push({ event, payload } as EventMessage);
      options.onEvent?.(event, payload);
    },
  });
  onTestFinished(() => engine.close());
  return { engine, router: createRouter(createHandlers(engine, 'web')), dataDir, events };
}

/** The loopback fixture server, closed when the test ends. */
export async function startFixture(): Promise<HttpFixture> {
  const fixture = await startHttpFixture();
  onTestFinished(() => fixture.close());
  return fixture;
}

/** A request as the UI would compose it: GET, no headers, no body, unless overridden. */
export function httpSpec(url: string, overrides: Partial<HttpRequestSpec> = {}): HttpRequestSpec {
  return { method: 'GET', url, headers: [], body: { mode: 'none', text: '' }, ...overrides };
}

/** Reads a whole body back through `bodies.read`, `rangeBytes` at a time, as a UI would page through it. */
export async function readWholeBody(engine: Engine, bodyId: string, rangeBytes = 1024 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = await engine.bodies.read(bodyId, offset, rangeBytes);
    const bytes = Buffer.from(chunk.base64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.eof) return Buffer.concat(parts);
    if (bytes.length === 0) throw new Error(`body.read made no progress at offset ${offset} of ${chunk.totalSize}`);
  }
}
