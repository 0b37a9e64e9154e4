/**
 * The server side of the engine-overhead benchmark, in its own process as the server a person tests
 * always is: its work and the hand-over between processes are in both loops' time, not on the
 * sending thread. Prints its port on stdout, then answers every request with the given JSON body.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const payload = process.argv[2] ?? '{}';
const length = Buffer.byteLength(payload);

const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': length });
  response.end(payload);
});
server.listen(0, '127.0.0.1', () => console.log(String((server.address() as AddressInfo).port)));
