// undici's symbols module has no typings of its own; only the one symbol the engine uses is declared.
declare module 'undici/lib/core/symbols.js' {
  const symbols: { kQueuedAbort?: symbol };
  export default symbols;
}
