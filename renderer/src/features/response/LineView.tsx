import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TextMark } from '../../components/CodeView.tsx';

const ROW_HEIGHT = 19;
const PAGE_LINES = 500;
const OVERSCAN = 10;
/** Browsers cap an element's height (Chrome near 33.5M px); past this the scroll range is scaled. */
const MAX_SCROLL_HEIGHT = 8_000_000;

/** Where the lines come from: the engine (large bodies) or a string already in memory. */
export interface LineSource {
  lineCount: number;
  /** Reads `count` lines from `from`; for the engine, one `body.lines` call. */
  read(from: number, count: number): Promise<string[]>;
}

/**
 * A virtualised, read-only view of many lines: only the rows on screen are in the DOM and only
 * the pages around them are held, so a 100 MB body scrolls like a small one. Above a few hundred
 * thousand lines the scrollbar maps proportionally onto line numbers, so the end is reachable.
 */
export function LineView({ source, marks, activeMark = -1, testId, label }: { source: LineSource; marks?: readonly TextMark[]; activeMark?: number; testId: string; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const [pages, setPages] = useState<Map<number, string[]>>(() => new Map());
  const loading = useRef(new Set<number>());

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || 400));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { lineCount } = source;
  const naturalHeight = lineCount * ROW_HEIGHT;
  const scaled = naturalHeight > MAX_SCROLL_HEIGHT;
  const contentHeight = scaled ? MAX_SCROLL_HEIGHT : naturalHeight;
  const visibleRows = Math.ceil(viewport / ROW_HEIGHT) + 1;
  const maxFirst = Math.max(0, lineCount - visibleRows + 1);
  const scrollRange = Math.max(1, contentHeight - viewport);
  const first = scaled ? Math.min(maxFirst, Math.round((scrollTop / scrollRange) * maxFirst)) : Math.floor(scrollTop / ROW_HEIGHT);
  const from = Math.max(0, first - (scaled ? 0 : OVERSCAN));
  const to = Math.min(lineCount, first + visibleRows + OVERSCAN);
  const topOf = (line: number) => (scaled ? scrollTop + (line - first) * ROW_HEIGHT : line * ROW_HEIGHT);

  const firstPage = Math.floor(from / PAGE_LINES);
  const lastPage = Math.floor(Math.max(from, to - 1) / PAGE_LINES);
  useEffect(() => {
    for (let page = firstPage; page <= lastPage; page++) {
      if (pages.has(page) || loading.current.has(page)) continue;
      loading.current.add(page);
      void source.read(page * PAGE_LINES, PAGE_LINES).then((lines) => {
        loading.current.delete(page);
        setPages((current) => {
          const next = new Map(current);
          next.set(page, lines);
          // Keep only pages near the viewport: memory stays bounded however far one scrolls.
          for (const key of next.keys()) if (Math.abs(key - page) > 4) next.delete(key);
          return next;
        });
      });
    }
  }, [firstPage, lastPage, pages, source]);

  const marksByLine = useMemo(() => {
    const byLine = new Map<number, { mark: TextMark; index: number }[]>();
    (marks ?? []).forEach((mark, index) => {
      const list = byLine.get(mark.line) ?? [];
      list.push({ mark, index });
      byLine.set(mark.line, list);
    });
    return byLine;
  }, [marks]);

  // Scrolled to the end of a body that is still growing: stay at the end as lines arrive (as a log
  // viewer does), also when the growth switches the scrollbar to the proportional mapping.
  const pinnedToEnd = useRef(false);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || !pinnedToEnd.current) return;
    element.scrollTop = element.scrollHeight;
    setScrollTop(element.scrollTop);
  }, [contentHeight, lineCount]);

  const target = marks?.[activeMark];
  useEffect(() => {
    const element = scrollRef.current;
    if (!target || !element) return;
    const centred = Math.max(0, target.line - Math.floor(visibleRows / 2));
    element.scrollTop = scaled ? (Math.min(centred, maxFirst) / Math.max(1, maxFirst)) * scrollRange : centred * ROW_HEIGHT;
    // Only when the target changes: scrolling by hand afterwards must not snap back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  const digits = String(lineCount).length;
  const rows = [];
  for (let line = from; line < to; line++) {
    const text = pages.get(Math.floor(line / PAGE_LINES))?.[line % PAGE_LINES];
    rows.push(
      <div key={line} className="line-row" data-line={line} style={{ transform: `translateY(${topOf(line)}px)`, height: ROW_HEIGHT }}>
        <span className="line-number" style={{ width: `${digits + 1}ch` }}>
          {line + 1}
        </span>
        <span className="line-text cm-line">{text === undefined ? '' : withMarks(text, marksByLine.get(line), activeMark)}</span>
      </div>,
    );
  }
  return (
    <div className="line-view" ref={scrollRef} data-testid={testId} role="document" aria-label={label} tabIndex={0} onScroll={(event) => {
        const element = event.currentTarget;
        pinnedToEnd.current = element.scrollHeight > element.clientHeight && element.scrollTop + element.clientHeight >= element.scrollHeight - 2;
        setScrollTop(element.scrollTop);
      }}
    >
      <div style={{ height: contentHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}

function withMarks(text: string, marks: { mark: TextMark; index: number }[] | undefined, active: number) {
  if (!marks) return text;
  const parts: (string | React.JSX.Element)[] = [];
  let cursor = 0;
  for (const { mark, index } of marks) {
    if (mark.start < cursor) continue;
    parts.push(text.slice(cursor, mark.start));
    parts.push(
      <mark key={index} className={index === active ? 'search-hit search-active' : 'search-hit'}>
        {text.slice(mark.start, mark.start + mark.length)}
      </mark>,
    );
    cursor = mark.start + mark.length;
  }
  parts.push(text.slice(cursor));
  return parts;
}
