import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { newRowId } from '../features/tabs/request-draft.ts';

/**
 * The editable tables' last row is always blank: typing into it adds a row. The blank row keeps
 * its id (and so its React key) when it becomes real, so focus stays where the person is typing.
 * `change` and `remove` never change identity, so memoised rows re-render only when their own row
 * does (a table of thousands of rows stays quick to type into).
 */
export function useTrailingBlankRow<Row extends { id: string }>(
  rows: readonly Row[],
  onChange: (rows: Row[]) => void,
  makeBlank: (id: string) => Row,
): { allRows: Row[]; isBlank: (row: Row) => boolean; change: (row: Row, patch: Partial<Row>) => void; remove: (row: Row) => void } {
  const [blankId, setBlankId] = useState(newRowId);
  const latest = useRef({ rows, onChange, blankId });
  useLayoutEffect(() => {
    latest.current = { rows, onChange, blankId };
  });
  const change = useCallback((row: Row, patch: Partial<Row>) => {
    const current = latest.current;
    if (row.id === current.blankId) {
      current.onChange([...current.rows, { ...row, ...patch }]);
      setBlankId(newRowId());
    } else {
      current.onChange(current.rows.map((candidate) => (candidate.id === row.id ? { ...candidate, ...patch } : candidate)));
    }
  }, []);
  const remove = useCallback((row: Row) => {
    const current = latest.current;
    current.onChange(current.rows.filter((candidate) => candidate.id !== row.id));
  }, []);
  return { allRows: [...rows, makeBlank(blankId)], isBlank: (row) => row.id === blankId, change, remove };
}
