import type { WsMessage } from '../../../shared/model/websocket.ts';

export interface BatchLimits {
  /** The longest a message waits before its batch goes out. */
  intervalMs: number;
  /** A batch this big goes out at once. */
  maxMessages: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { intervalMs: 50, maxMessages: 500 };

export interface MessageBatcher {
  push(message: WsMessage): void;
  /** Sends what is waiting now (before a state change, so the UI sees messages and states in order). */
  flush(): void;
  /** Flushes and stops the timer. */
  close(): void;
}

/**
 * Collects a connection's messages into batches by time slice and count, so a server pushing
 * thousands of messages a second costs the UI a few events a second, not thousands.
 */
export function createMessageBatcher(emit: (messages: WsMessage[]) => void, limits: BatchLimits = DEFAULT_BATCH_LIMITS): MessageBatcher {
  let pending: WsMessage[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    emit(batch);
  };

  return {
    push(message) {
      pending.push(message);
      if (pending.length >= limits.maxMessages) flush();
      else timer ??= setTimeout(flush, limits.intervalMs);
    },
    flush,
    close: flush,
  };
}
