import type { VariableEdit, VariableView } from '../../../../shared/model/workspace.ts';
import { isDefinableName } from '../../../../shared/vars/template.ts';
import { newRowId } from '../tabs/request-draft.ts';

/** A variable as edited in a table. A secret's stored value never reaches the UI: only whether there is one. */
export interface VariableRow {
  id: string;
  name: string;
  /** What was typed; for a secret, empty until the person types a new value. */
  value: string;
  enabled: boolean;
  secret: boolean;
  /** A secret value is stored in the engine (shown as dots). */
  hasStoredValue: boolean;
  /** The person typed a value (for a secret: replace the stored one). */
  valueTouched: boolean;
}

export function rowsFromVariables(variables: readonly VariableView[]): VariableRow[] {
  return variables.map((variable) => ({
    id: newRowId(),
    name: variable.name,
    value: variable.secret ? '' : variable.value,
    enabled: variable.enabled,
    secret: variable.secret,
    hasStoredValue: variable.secret && variable.hasValue,
    valueTouched: false,
  }));
}

/** The edit sent to the engine; blank rows are dropped, an untouched secret keeps its stored value. */
export function variablesFromRows(rows: readonly VariableRow[]): VariableEdit[] {
  return rows
    .filter((row) => row.name.trim() !== '')
    .map((row) => ({
      name: row.name.trim(),
      value: row.secret && !row.valueTouched ? undefined : row.value,
      enabled: row.enabled,
      secret: row.secret,
    }));
}

/** Names that cannot be saved: empty is fine (dropped), anything else must be a plain variable name. */
export function invalidNames(rows: readonly { name: string }[]): string[] {
  return rows.map((row) => row.name.trim()).filter((name) => name !== '' && !isDefinableName(name));
}
