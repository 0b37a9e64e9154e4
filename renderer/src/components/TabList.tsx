import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
  testId?: string;
}

/**
 * A WAI-ARIA tab list (arrow keys move between tabs). The panel is rendered by the caller with
 * id `${idPrefix}-panel` so that it stays one element whichever tab is selected.
 */
export function TabList<K extends string>({
  items,
  selected,
  onSelect,
  label,
  idPrefix,
  trailing,
}: {
  items: TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  label: string;
  idPrefix: string;
  trailing?: ReactNode;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = items.findIndex((item) => item.key === selected);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = items[(index + step + items.length) % items.length]!;
    onSelect(next.key);
    listRef.current?.querySelector<HTMLElement>(`#${idPrefix}-tab-${next.key}`)?.focus();
  };
  return (
    <div className="tablist-row">
      <div role="tablist" aria-label={label} className="tablist" ref={listRef} onKeyDown={onKeyDown}>
        {items.map((item) => (
          <button
            key={item.key}
            id={`${idPrefix}-tab-${item.key}`}
            type="button"
            role="tab"
            aria-selected={item.key === selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={item.key === selected ? 0 : -1}
            className="tab"
            data-testid={item.testId}
            onClick={() => onSelect(item.key)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {trailing ? <div className="tablist-trailing">{trailing}</div> : null}
    </div>
  );
}
