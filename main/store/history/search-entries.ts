import type { SQLInputValue } from 'node:sqlite';
import type { HistorySearch, StatusClass } from '../../../shared/model/history.ts';
import { facetMatch } from './facets.ts';
import { toFtsQuery } from './fts-query.ts';

const STATUS_RANGES: Record<Exclude<StatusClass, 'failed'>, [number, number]> = {
  '1xx': [100, 200],
  '2xx': [200, 300],
  '3xx': [300, 400],
  '4xx': [400, 500],
  '5xx': [500, 600],
};

/**
 * The SQL for one search. With words or filters, the full-text index drives the query (filters are
 * tokens in its `facets` column, see facets.ts) and yields matches newest first — FTS5 walks its
 * rowids backwards — so a page of 100 out of 100,000 matches stops after 100. The exact conditions
 * on the entry's columns then confirm each match (a host prefix, the edges of a time range). One row
 * more than the limit is read to learn whether another page exists.
 */
export function searchQuery(query: HistorySearch, columns: string): { sql: string; params: SQLInputValue[] } {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  const match = [toFtsQuery(query.query), facetMatch(query)].filter((part) => part !== undefined).join(' AND ') || undefined;
  // With the index in front, its rowid is the entry id; constraints on it let FTS5 skip ahead.
  const id = match ? 'f.rowid' : 'e.id';
  if (match) {
    where.push('entries_fts MATCH ?');
    params.push(match);
  }
  if (query.method) {
    where.push('e.method = ?');
    params.push(query.method.toUpperCase());
  }
  if (query.statusClass === 'failed') {
    where.push('e.status IS NULL');
  } else if (query.statusClass) {
    const [low, high] = STATUS_RANGES[query.statusClass];
    where.push('e.status >= ? AND e.status < ?');
    params.push(low, high);
  }
  if (query.host) {
    // A prefix range on the indexed column: "api" matches "api.example.com:8443" and "api2…".
    const prefix = query.host.toLowerCase();
    where.push('e.host >= ? AND e.host < ?');
    params.push(prefix, `${prefix}\u{10ffff}`);
  }
  if (query.from !== undefined) {
    where.push('e.sent_at >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    where.push('e.sent_at < ?');
    params.push(query.to);
  }
  if (query.cursor !== undefined) {
    where.push(`${id} < ?`);
    params.push(query.cursor);
  }
  if (query.after !== undefined) {
    where.push(`${id} > ?`);
    params.push(query.after);
  }
  const from = match ? 'entries_fts f JOIN entries e ON e.id = f.rowid' : 'entries e';
  const sql = `SELECT ${columns} FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${id} DESC LIMIT ?`;
  params.push(query.limit + 1);
  return { sql, params };
}
