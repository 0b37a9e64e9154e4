/**
 * A labelled numeric setting. The value is handed on only when it is a number within [min, max]
 * (and whole, when asked); an empty or unusable entry leaves the setting as it was. `commitOn`
 * says whether every keystroke applies (`change`) or only leaving the field does (`blur`).
 */
export function NumberField({
  label,
  testId,
  value,
  min = 0,
  max,
  integer = false,
  commitOn = 'blur',
  onValid,
}: {
  label: string;
  testId: string;
  value: number;
  min?: number;
  max: number;
  integer?: boolean;
  commitOn?: 'blur' | 'change';
  onValid: (value: number) => void;
}) {
  const commit = (text: string) => {
    const number = Number(text);
    if (text.trim() === '' || !Number.isFinite(number) || number < min || number > max) return;
    if (integer && !Number.isInteger(number)) return;
    onValid(number);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        data-testid={testId}
        defaultValue={value}
        onChange={commitOn === 'change' ? (event) => commit(event.target.value) : undefined}
        onBlur={commitOn === 'blur' ? (event) => commit(event.target.value) : undefined}
      />
    </label>
  );
}
