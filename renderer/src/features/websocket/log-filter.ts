import type { WsDirection, WsMessage, WsMessageType } from '../../../../shared/model/websocket.ts';
import { searchableText } from './message-content.ts';

export interface LogFilter {
  query: string;
  /** The query is a regular expression rather than plain text. */
  regex: boolean;
  direction: 'all' | WsDirection;
  type: 'all' | WsMessageType;
}

export const NO_FILTER: LogFilter = { query: '', regex: false, direction: 'all', type: 'all' };

export type CompiledFilter =
  /** `matches` is absent when the filter lets everything through (the log can skip checking). */
  | { ok: true; matches?: (message: WsMessage) => boolean }
  | { ok: false; problem: string };

/** Plain text matches case-insensitively anywhere in the content; a regular expression is used as typed. */
export function compileFilter(filter: LogFilter): CompiledFilter {
  const checks: ((message: WsMessage) => boolean)[] = [];
  if (filter.direction !== 'all') checks.push((message) => message.direction === filter.direction);
  if (filter.type !== 'all') checks.push((message) => message.type === filter.type);
  if (filter.query !== '') {
    if (filter.regex) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(filter.query);
      } catch (error) {
        return { ok: false, problem: error instanceof Error ? error.message : String(error) };
      }
      checks.push((message) => pattern.test(searchableText(message)));
    } else {
      // A case-insensitive regex of the escaped text: no lower-cased copy of every message per keystroke.
      const needle = new RegExp(filter.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      checks.push((message) => needle.test(searchableText(message)));
    }
  }
  if (checks.length === 0) return { ok: true };
  return { ok: true, matches: (message) => checks.every((check) => check(message)) };
}
