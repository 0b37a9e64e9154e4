import type { ShuttleFailure } from '../../../shared/contract/errors.ts';

/**
 * Stops one run (cancel or its deadline) across every hop. A tiny stand-in for AbortController:
 * Node's EventTarget costs microseconds per listener, and this is on every request's path. One
 * listener at a time is all a run needs: the exchange in flight.
 */
export class RunSignal {
  #reason: ShuttleFailure | undefined;
  #listener: ((reason: ShuttleFailure) => void) | undefined;

  get reason(): ShuttleFailure | undefined {
    return this.#reason;
  }

  abort(reason: ShuttleFailure): void {
    if (this.#reason) return;
    this.#reason = reason;
    const listener = this.#listener;
    this.#listener = undefined;
    listener?.(reason);
  }

  /** Calls `listener` once when the run stops (replacing any earlier one); returns the unsubscribe. */
  onAbort(listener: (reason: ShuttleFailure) => void): () => void {
    this.#listener = listener;
    return () => {
      if (this.#listener === listener) this.#listener = undefined;
    };
  }
}
