import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';

/** The user's limits (settings); 0 turns a limit off. */
export interface RetentionLimits {
  maxEntries: number;
  maxAgeMs: number;
  maxBytes: number;
}

type Row = Record<string, SQLOutputValue>;

/**
 * One bounded step of retention: deletes at most `batch` of the oldest entries that break a limit
 * (too many, too much space, too old) in one transaction and returns how many went. Callers loop
 * with a yield between steps, so trimming a large history never blocks sending for long.
 */
export function retentionStep(
  db: DatabaseSync,
  statement: (sql: string) => StatementSync,
  limits: RetentionLimits,
  now: number,
  batch: number,
): number {
  const totals = statement('SELECT entries, bytes FROM totals WHERE id = 1').get() as Row | undefined;
  const entries = Number(totals?.entries ?? 0);
  const bytes = Number(totals?.bytes ?? 0);
  const excessEntries = limits.maxEntries > 0 ? Math.max(0, entries - limits.maxEntries) : 0;
  const excessBytes = limits.maxBytes > 0 ? Math.max(0, bytes - limits.maxBytes) : 0;

  const doomed = new Set<number>();
  if (excessEntries > 0 || excessBytes > 0) {
    let freed = 0;
    for (const row of statement('SELECT id, stored_bytes FROM entries ORDER BY id LIMIT ?').all(batch) as Row[]) {
      if (doomed.size >= excessEntries && freed >= excessBytes) break;
      doomed.add(Number(row.id));
      freed += Number(row.stored_bytes);
    }
  }
  if (limits.maxAgeMs > 0 && doomed.size < batch) {
    // By time, not id: a long request that started early may have been recorded after quicker ones.
    const old = statement('SELECT id FROM entries WHERE sent_at < ? LIMIT ?').all(now - limits.maxAgeMs, batch - doomed.size) as Row[];
    for (const row of old) doomed.add(Number(row.id));
  }
  if (doomed.size === 0) return 0;

  const remove = statement('DELETE FROM entries WHERE id = ?');
  db.exec('BEGIN');
  try {
    for (const id of doomed) remove.run(id);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return doomed.size;
}
