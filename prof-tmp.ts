import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from './main/engine/engine.ts';
const PAYLOAD = JSON.stringify({ a: 'x'.repeat(400) });
const server = createServer((_q, r) => { r.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(PAYLOAD) }); r.end(PAYLOAD); });
await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data`;
const engine = await createEngine({ dataDir: await mkdtemp(join(tmpdir(), 'prof-')), emit: () => {} });
let n = 0;
const t = performance.now();
for (let i = 0; i < 6000; i++) {
  const meta = await engine.http.send(`r${n++}`, { method: 'GET', url, headers: [], body: { mode: 'none', text: '' } });
  await engine.bodies.read(meta.bodyId, 0, meta.bodySize);
  await engine.bodies.release(meta.bodyId);
}
console.log('ms/req', (performance.now() - t) / 6000);
await engine.close(); server.close();
