import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';

interface CommitInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'onKeyDown'> {
  /** The stored value, formatted for display. */
  readonly value: string;
  /** Applies the typed text; returns an error message to show, or null when accepted. */
  onCommit(text: string): string | null;
}

/**
 * A field edited freely and applied on Enter or when focus leaves (not on every keystroke: a price
 * half typed is not a price). A refused value stays in the field, marked invalid with the reason;
 * Escape puts the stored value back.
 */
export function CommitInput({ value, onCommit, ...rest }: CommitInputProps) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);

  useEffect(() => {
    if (!editing.current) {
      setText(value);
      setError(null);
    }
  }, [value]);

  function commit() {
    editing.current = false;
    if (text === value) {
      setError(null);
      return;
    }
    const failure = onCommit(text);
    setError(failure);
  }

  return (
    <input
      {...rest}
      value={text}
      aria-invalid={error !== null}
      title={error ?? rest.title}
      onChange={(e) => {
        editing.current = true;
        setText(e.target.value);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          editing.current = false;
          setText(value);
          setError(null);
        }
      }}
    />
  );
}
