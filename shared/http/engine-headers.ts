/**
 * Headers the engine adds to a request the user did not set themselves: one definition for the
 * engine that sends them and the UI that shows them before sending.
 */
export const ENGINE_USER_AGENT = 'Shuttle/0.1';

/** Every content coding the engine can undo (main/engine/http/decode/content-decoders.ts). */
export const ENGINE_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
