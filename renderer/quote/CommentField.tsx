import { useEffect, useRef, useState } from 'react';

interface CommentFieldProps {
  readonly label: string;
  readonly value: string;
  onCommit(text: string): string | null;
}

/** A textarea saved when focus leaves it. */
export function CommentField({ label, value, onCommit }: CommentFieldProps) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setText(value);
  }, [value]);
  return (
    <label>
      {label}
      <textarea
        rows={3}
        value={text}
        aria-invalid={error !== null}
        onChange={(e) => {
          editing.current = true;
          setText(e.target.value);
        }}
        onBlur={() => {
          editing.current = false;
          if (text !== value) setError(onCommit(text));
        }}
      />
      {error !== null && <span className="error-text">{error}</span>}
    </label>
  );
}
