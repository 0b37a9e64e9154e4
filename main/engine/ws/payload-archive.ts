import type { BodyStore } from '../bodies/body-store.ts';

/** Payloads up to this size travel whole in the message event. */
export const INLINE_PAYLOAD_BYTES = 4 * 1024;
/** A larger payload travels as a preview of this many bytes, plus a reference to the whole. */
export const PREVIEW_PAYLOAD_BYTES = 1024;
/** The whole payloads of large messages the engine keeps for `body.read`; the oldest go first. */
const DEFAULT_ARCHIVE_BYTES = 128 * 1024 * 1024;

/** How a payload crosses the contract: whole, or a preview with a body id. */
export interface PayloadView {
  size: number;
  /** Whole (or, when truncated, the first bytes decoded as UTF-8). */
  text?: string;
  base64?: string;
  truncated?: boolean;
  bodyId?: string;
}

export interface PayloadArchive {
  describe(data: Buffer, as: 'text' | 'base64'): PayloadView;
  /** Releases every payload still kept. */
  close(): Promise<void>;
}

/**
 * Keeps the whole payload of each large message in the body store (so the UI can read it by
 * reference when a person expands the message), bounded in total: the oldest are released first.
 */
export function createPayloadArchive(bodies: BodyStore, budgetBytes = DEFAULT_ARCHIVE_BYTES): PayloadArchive {
  const kept: { id: string; size: number }[] = [];
  let keptBytes = 0;

  const keep = (data: Buffer): string => {
    const writer = bodies.create();
    writer.write(data);
    // A failed blob write only makes this one payload unreadable later (body.read answers NOT_FOUND).
    writer.end().catch(() => void bodies.release(writer.id));
    kept.push({ id: writer.id, size: data.length });
    keptBytes += data.length;
    while (keptBytes > budgetBytes && kept.length > 1) {
      const oldest = kept.shift()!;
      keptBytes -= oldest.size;
      void bodies.release(oldest.id);
    }
    return writer.id;
  };

  return {
    describe(data, as) {
      if (data.length <= INLINE_PAYLOAD_BYTES) {
        return as === 'text' ? { size: data.length, text: data.toString('utf8') } : { size: data.length, base64: data.toString('base64') };
      }
      const preview = data.subarray(0, PREVIEW_PAYLOAD_BYTES);
      const bodyId = keep(data);
      return as === 'text'
        ? // A preview cut inside a multi-byte character would end in U+FFFD; drop that partial character.
          { size: data.length, text: preview.toString('utf8').replace(/\uFFFD+$/, ''), truncated: true, bodyId }
        : { size: data.length, base64: preview.toString('base64'), truncated: true, bodyId };
    },
    async close() {
      const ids = kept.splice(0).map((entry) => entry.id);
      keptBytes = 0;
      await Promise.all(ids.map((id) => bodies.release(id)));
    },
  };
}
