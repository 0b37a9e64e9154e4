/**
 * One queue per file: writes to the same path run one after another in the order they were asked
 * for, so the file always ends with the last one; writes to different paths do not wait for each other.
 */
export class SaveQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(path: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(path) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(path, tail);
    void tail.then(() => {
      if (this.tails.get(path) === tail) this.tails.delete(path);
    });
    return next;
  }

  /** Resolves when every queued write has finished (used before closing). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
