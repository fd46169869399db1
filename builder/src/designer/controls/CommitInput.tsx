/**
 * A text box that commits on blur or Enter, so one edit is one undo step
 * (not one per keystroke), and that follows the value when undo changes it.
 */
import { Input, InputNumber } from 'antd';
import { useEffect, useState } from 'react';

interface TextProps {
  value: string | undefined;
  onCommit(value: string): void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  status?: 'error';
  multiline?: boolean;
  ariaLabel?: string;
}

export function CommitInput({ value, onCommit, id, placeholder, disabled, status, multiline, ariaLabel }: TextProps) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const commit = () => {
    if (text !== (value ?? '')) onCommit(text);
  };
  const common = { id, placeholder, disabled, status, value: text, 'aria-label': ariaLabel, onBlur: commit };
  return multiline
    ? <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => setText(e.target.value)} />
    : <Input {...common} onChange={(e) => setText(e.target.value)} onPressEnter={commit} />;
}

interface NumberProps {
  value: number | undefined;
  onCommit(value: number | undefined): void;
  id?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  ariaLabel?: string;
}

export function CommitNumber({ value, onCommit, id, min, max, integer, ariaLabel }: NumberProps) {
  const [n, setN] = useState<number | null>(value ?? null);
  useEffect(() => setN(value ?? null), [value]);
  const commit = () => {
    const next = n === null ? undefined : integer ? Math.round(n) : n;
    if (next !== value) onCommit(next);
  };
  return <InputNumber id={id} aria-label={ariaLabel} value={n} min={min} max={max} precision={integer ? 0 : undefined}
    style={{ width: '100%' }} onChange={(v) => setN(typeof v === 'number' ? v : null)} onBlur={commit} onPressEnter={commit} />;
}
