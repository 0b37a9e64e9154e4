import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

const MIN_RATIO = 0.15;
const MAX_RATIO = 0.85;
const KEY_STEP = 0.05;

/** Two panes stacked vertically with a draggable (and keyboard-operable) divider between them. */
export function SplitPane({ top, bottom, label, initialRatio = 0.45 }: { top: ReactNode; bottom: ReactNode; label: string; initialRatio?: number }) {
  const [ratio, setRatio] = useState(initialRatio);
  const containerRef = useRef<HTMLDivElement>(null);
  const clamp = (value: number) => Math.min(MAX_RATIO, Math.max(MIN_RATIO, value));

  const onPointerDown = useCallback((event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
  }, []);
  const onPointerMove = useCallback((event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId) || !containerRef.current) return;
    const box = containerRef.current.getBoundingClientRect();
    setRatio(clamp((event.clientY - box.top) / box.height));
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowUp') setRatio((value) => clamp(value - KEY_STEP));
    else if (event.key === 'ArrowDown') setRatio((value) => clamp(value + KEY_STEP));
    else return;
    event.preventDefault();
  };

  return (
    <div className="split" ref={containerRef} style={{ gridTemplateRows: `${ratio}fr auto ${1 - ratio}fr` }}>
      <div className="split-pane">{top}</div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation="horizontal"
        aria-label={label}
        aria-valuenow={Math.round(ratio * 100)}
        aria-valuemin={MIN_RATIO * 100}
        aria-valuemax={MAX_RATIO * 100}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane">{bottom}</div>
    </div>
  );
}
