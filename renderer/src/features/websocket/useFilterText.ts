import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LogFilter } from './log-filter.ts';

/**
 * The filter box's text: shown at once, applied to the log only after the frame that shows the
 * keystroke, so typing stays responsive however many messages the filter has to check.
 */
export function useFilterText(filter: LogFilter, onFilter: (filter: LogFilter) => void): [text: string, change: (text: string) => void] {
  const [text, setText] = useState(filter.query);
  const latest = useRef({ filter, onFilter });
  const pending = useRef<{ frame?: number; timer?: ReturnType<typeof setTimeout> }>({});
  useLayoutEffect(() => {
    latest.current = { filter, onFilter };
  });
  const cancel = useCallback(() => {
    if (pending.current.frame !== undefined) cancelAnimationFrame(pending.current.frame);
    clearTimeout(pending.current.timer);
    pending.current = {};
  }, []);
  useEffect(() => cancel, [cancel]);

  const change = useCallback(
    (next: string) => {
      setText(next);
      cancel();
      pending.current.frame = requestAnimationFrame(() => {
        pending.current.timer = setTimeout(() => {
          pending.current = {};
          latest.current.onFilter({ ...latest.current.filter, query: next });
        }, 0);
      });
    },
    [cancel],
  );
  return [text, change];
}
