import type { ReactNode } from 'react';

/** A labelled checkbox setting, with an optional hint under its label. */
export function CheckField({
  label,
  hint,
  testId,
  checked,
  onChange,
}: {
  label: ReactNode;
  hint?: ReactNode;
  testId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check-field">
      <input type="checkbox" data-testid={testId} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {hint ? (
        <span>
          {label}
          <small className="hint">{hint}</small>
        </span>
      ) : (
        <span>{label}</span>
      )}
    </label>
  );
}
