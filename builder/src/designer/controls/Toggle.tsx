/** A labelled on/off switch (antd's Switch, which the app already ships, so the designer adds no Checkbox code to it). */
import { Switch } from 'antd';
import type { ReactNode } from 'react';

export function Toggle({ checked, onChange, children }: { checked: boolean; onChange(on: boolean): void; children: ReactNode }) {
  return (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6, marginRight: 12, marginBottom: 10, cursor: 'pointer' }}>
      <Switch size="small" checked={checked} onChange={onChange} />
      {children}
    </label>
  );
}
