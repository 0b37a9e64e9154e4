import undiciSymbols from 'undici/lib/core/symbols.js';

/**
 * The dispatch option under which undici hands over a way to take a request out of its queue
 * while it still waits for a connection (what undici's own `request({ signal })` uses). Without
 * it, a request cancelled or timed out before it got a connection would stop for the user at once
 * but leave undici opening connections for it in the background, one connect timeout after
 * another. It is internal to undici, so it is optional: if a release drops it, a key undici
 * ignores takes its place and that clean-up is all that is lost.
 */
export const QUEUED_ABORT: symbol =
  typeof undiciSymbols.kQueuedAbort === 'symbol' ? undiciSymbols.kQueuedAbort : Symbol('queued abort (not supported by this undici)');
