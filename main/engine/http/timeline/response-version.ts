import type { Socket } from 'node:net';

const STATUS_LINE_VERSION = /^HTTP\/(\d\.\d) /;

/** Reads which HTTP version a response on an HTTP/1.x connection came back as. */
export interface ResponseVersionWatch {
  /** "1.0" or "1.1" once the status line was read. */
  version(): string | undefined;
  stop(): void;
}

/**
 * undici does not say which version a response was, so an HTTP/1.0 server's answer would read as
 * 1.1; its status line says. undici reads the socket with 'readable' and read(): a 'data' listener
 * added beside it only sees the chunks undici itself reads and changes nothing about the flow. The
 * first chunk after the request went out starts with the status line; then the listener goes.
 */
export function watchResponseVersion(socket: Socket): ResponseVersionWatch {
  let version: string | undefined;
  const onData = (chunk: Buffer) => {
    version = STATUS_LINE_VERSION.exec(chunk.toString('latin1', 0, 9))?.[1];
    socket.off('data', onData);
  };
  socket.on('data', onData);
  return { version: () => version, stop: () => socket.off('data', onData) };
}
