/** How a row of a diff relates its two sides. */
export type DiffKind = 'same' | 'changed' | 'added' | 'removed';

/** One side of a row: its line number on that side and the text as shown (indentation included). */
export interface DiffCell {
  line: number;
  text: string;
}

/**
 * One aligned row of a side-by-side diff. `added` rows have only a right cell, `removed` rows
 * only a left one; a `changed` row may lack one side when one value spans more lines than the other.
 */
export interface DiffRow {
  kind: DiffKind;
  left: DiffCell | null;
  right: DiffCell | null;
  /** For JSON: where the value lives, e.g. `$.items[2].name` (set on rows that differ). */
  path?: string;
}

export interface BodyDiff {
  /** json: compared structurally; text: line by line; binary: compared byte for byte only; none: neither side has a body. */
  format: 'json' | 'text' | 'binary' | 'none';
  rows: DiffRow[];
  /** Changed, added and removed values (JSON) or changed line runs (text). */
  changes: number;
  /** JSON paths that differ, in document order. */
  changedPaths: string[];
  /** True when either side is only a preview of a longer body. */
  partial: boolean;
  /** For binary bodies: whether the bytes are the same. */
  identical: boolean;
}

export interface HeaderDiffRow {
  /** As written on the left side (or the right, when only there). */
  name: string;
  kind: DiffKind;
  /** Every value under this name, in order; empty when the side lacks the header. */
  left: string[];
  right: string[];
  /** Changes on every call by nature (Date, ETag…), so a diff can hide it. */
  volatile: boolean;
}
