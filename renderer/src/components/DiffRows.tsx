import { useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DiffRow } from '../../../shared/diff/diff-types.ts';
import { unifiedLines, type UnifiedLine } from '../../../shared/diff/unified.ts';

export type DiffLayout = 'split' | 'unified';

const ROW_HEIGHT = 20;

/**
 * The body diff, one fixed-height row per line, virtualised so a 30,000-line JSON compares as
 * smoothly as a short one. Only rows that differ carry `data-change` and a colour.
 */
export function DiffRows({ rows, layout, label }: { rows: DiffRow[]; layout: DiffLayout; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => (layout === 'unified' ? unifiedLines(rows) : null), [rows, layout]);
  // The virtualiser keeps its own mutable state, which the React Compiler cannot see; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines ? lines.length : rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });

  return (
    <div className={`diff-scroll diff-${layout}`} ref={scrollRef} data-testid="diff-body" data-layout={layout} aria-label={label} tabIndex={0}>
      <div className="diff-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const style = { transform: `translateY(${item.start}px)` };
          return lines ? <UnifiedRow key={item.key} line={lines[item.index]!} style={style} /> : <SplitRow key={item.key} row={rows[item.index]!} style={style} />;
        })}
      </div>
    </div>
  );
}

function SplitRow({ row, style }: { row: DiffRow; style: CSSProperties }) {
  const differs = row.kind !== 'same';
  const [leftText, rightText] = row.kind === 'changed' && row.left && row.right ? highlightChange(row.left.text, row.right.text) : [row.left?.text, row.right?.text];
  return (
    <div className="diff-row" data-change={differs ? row.kind : undefined} title={row.path} style={style}>
      <span className="diff-num">{row.left?.line ?? ''}</span>
      <span className={`diff-text ${!row.left ? 'diff-blank' : differs ? 'diff-del' : ''}`}>{leftText}</span>
      <span className="diff-num diff-num-right">{row.right?.line ?? ''}</span>
      <span className={`diff-text ${!row.right ? 'diff-blank' : differs ? 'diff-ins' : ''}`}>{rightText}</span>
    </div>
  );
}

function UnifiedRow({ line, style }: { line: UnifiedLine; style: CSSProperties }) {
  const sign = line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' ';
  return (
    <div className="diff-row" data-change={line.kind === 'same' ? undefined : line.kind} title={line.path} style={style}>
      <span className="diff-num">{line.left ?? ''}</span>
      <span className="diff-num">{line.right ?? ''}</span>
      <span className={`diff-text ${line.kind === 'added' ? 'diff-ins' : line.kind === 'removed' ? 'diff-del' : ''}`}>
        <span className="diff-sign" aria-hidden>
          {sign}
        </span>
        {line.text}
      </span>
    </div>
  );
}

/** Marks the part of two changed lines that differs (between their common start and end). */
function highlightChange(left: string, right: string): [ReactNode, ReactNode] {
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start += 1;
  let end = 0;
  while (end < left.length - start && end < right.length - start && left[left.length - 1 - end] === right[right.length - 1 - end]) end += 1;
  const mark = (text: string) => (
    <>
      {text.slice(0, start)}
      <mark>{text.slice(start, text.length - end)}</mark>
      {text.slice(text.length - end)}
    </>
  );
  return [mark(left), mark(right)];
}
