/** A label above a control, tied to it by id so screen readers and tests find the control by its label. */
import type { ReactNode } from 'react';

export function Labeled({ id, label, children, extra }: { id: string; label: ReactNode; children: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ marginBottom: 10 }}>
      <label htmlFor={id} style={{ display: 'block', fontSize: 13, color: '#595959', marginBottom: 3 }}>{label}</label>
      {children}
      {extra && <div style={{ fontSize: 12, color: '#8c8c8c', marginTop: 2 }}>{extra}</div>}
    </div>
  );
}
