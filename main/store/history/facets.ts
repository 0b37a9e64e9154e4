import type { HistorySearch, StatusClass } from '../../../shared/model/history.ts';

/**
 * The filters (method, status class, host, day) as tokens in the full-text index's `facets`
 * column. A filtered search then becomes one full-text query — FTS5 intersects the lists and walks
 * them newest first — instead of testing each entry's row, which is what kept "a word, on one host,
 * last week" slow with 100,000 entries. The exact conditions still run on the few rows that match.
 */
export interface FacetSource {
  method: string;
  status: number | null;
  host: string;
  sentAt: number;
}

/** Time ranges longer than this are not turned into day tokens (the exact time check alone applies). */
const MAX_DAY_TOKENS = 62;
const DAY_MS = 24 * 3600 * 1000;

export function facetsOf(entry: FacetSource): string {
  return [`m${squash(entry.method)}`, `s${statusClassOf(entry.status)}`, `h${squash(entry.host)}`, dayToken(entry.sentAt)].join(' ');
}

/** The facet part of an FTS5 query for a search, or undefined when it filters nothing. */
export function facetMatch(search: Omit<HistorySearch, 'limit'>): string | undefined {
  const terms: string[] = [];
  if (search.method && squash(search.method)) terms.push(`"m${squash(search.method)}"`);
  if (search.statusClass) terms.push(`"s${search.statusClass}"`);
  // A host filter is a prefix ("api" finds "api.example.com:8443"); an empty token filters nothing.
  if (search.host && squash(search.host)) terms.push(`"h${squash(search.host)}"*`);
  const days = dayTokens(search.from, search.to);
  if (days) terms.push(days.length === 1 ? `"${days[0]}"` : `(${days.map((day) => `"${day}"`).join(' OR ')})`);
  return terms.length > 0 ? `facets : (${terms.join(' AND ')})` : undefined;
}

export function statusClassOf(status: number | null): StatusClass | 'other' {
  if (status === null) return 'failed';
  if (status >= 100 && status < 600) return `${Math.floor(status / 100)}xx` as StatusClass;
  return 'other';
}

/** The UTC days a time range touches, or undefined when it is open-ended or too long to list. */
function dayTokens(from: number | undefined, to: number | undefined): string[] | undefined {
  if (from === undefined || to === undefined || to <= from) return from !== undefined && to === undefined ? openEndedDays(from) : undefined;
  const first = Math.floor(from / DAY_MS);
  const last = Math.floor((to - 1) / DAY_MS);
  if (last - first + 1 > MAX_DAY_TOKENS) return undefined;
  return Array.from({ length: last - first + 1 }, (_, i) => dayToken((first + i) * DAY_MS));
}

/** "Since `from`": the days from then until tomorrow (a clock a little ahead is still covered). */
function openEndedDays(from: number): string[] | undefined {
  return dayTokens(from, Date.now() + DAY_MS);
}

function dayToken(at: number): string {
  return `d${new Date(at).toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** Lower case letters and digits only: the tokenizer would split anything else. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
