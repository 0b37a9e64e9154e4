/**
 * The server side of the streaming-download benchmark, in its own process so its memory is not
 * counted as the engine's. Prints its port on stdout, then serves `/stream?mb=N&length=0|1`: N MiB
 * of a repeating 64 KiB pattern, with a Content-Length (length=1) or chunked (length=0).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const PATTERN = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 31 + (i >> 7)) & 0xff));

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const total = Number(url.searchParams.get('mb') ?? 500) * 1024 * 1024;
  response.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    ...(url.searchParams.get('length') === '1' ? { 'Content-Length': total } : {}),
  });
  let sent = 0;
  const pump = () => {
    while (sent < total && !response.destroyed) {
      const piece = PATTERN.subarray(0, Math.min(PATTERN.length, total - sent));
      sent += piece.length;
      if (!response.write(piece)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end();
  };
  pump();
});
server.listen(0, '127.0.0.1', () => console.log(String((server.address() as AddressInfo).port)));
