import { useState } from 'react';
import { newRowId } from '../features/tabs/request-draft.ts';

/**
 * The editable tables' last row is always blank: typing into it adds a row. The blank row keeps
 * its id (and so its React key) when it becomes real, so focus stays where the person is typing.
 */
export function useTrailingBlankRow<Row extends { id: string }>(
  rows: readonly Row[],
  onChange: (rows: Row[]) => void,
  makeBlank: (id: string) => Row,
): { allRows: Row[]; isBlank: (row: Row) => boolean; change: (row: Row, patch: Partial<Row>) => void } {
  const [blankId, setBlankId] = useState(newRowId);
  return {
    allRows: [...rows, makeBlank(blankId)],
    isBlank: (row) => row.id === blankId,
    change(row, patch) {
      if (row.id === blankId) {
        onChange([...rows, { ...row, ...patch }]);
        setBlankId(newRowId());
      } else {
        onChange(rows.map((candidate) => (candidate.id === row.id ? { ...candidate, ...patch } : candidate)));
      }
    },
  };
}
