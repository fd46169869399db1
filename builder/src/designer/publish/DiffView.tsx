/** Changes between two sets of definitions: each definition added, removed or changed, with the changed paths. */
import { Empty, Tag } from 'antd';
import { useDesignerText } from '../i18n.js';
import type { DefinitionDiff } from '../api.js';

const COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;
const show = (v: unknown) => {
  if (v === undefined) return '—';
  const text = JSON.stringify(v);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

export function DiffView({ changes }: { changes: readonly DefinitionDiff[] }) {
  const { t } = useDesignerText();
  if (changes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noChanges')} />;
  return (
    <div>
      {changes.map((c, i) => (
        <details key={i} className="sd-section" style={{ marginBottom: 6, padding: '6px 10px' }}>
          <summary style={{ cursor: 'pointer' }} data-diff={`${c.kind}:${c.name}`}>
            <Tag color={COLORS[c.change]}>{t(c.change)}</Tag>{c.kind} <code>{c.name}</code> {c.details ? `(${c.details.length})` : ''}
          </summary>
          <table style={{ width: '100%', fontSize: 12, borderCollapse: 'collapse', marginTop: 6 }}>
            <thead><tr><th align="left">{t('issuePath')}</th><th align="left">{t('from')}</th><th align="left">{t('to')}</th></tr></thead>
            <tbody>
              {(c.details ?? []).map((d, j) => (
                <tr key={j} style={{ borderTop: '1px solid #f0f0f0', verticalAlign: 'top' }}>
                  <td><code>{d.path}</code></td><td style={{ wordBreak: 'break-all' }}>{show(d.from)}</td><td style={{ wordBreak: 'break-all' }}>{show(d.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </div>
  );
}
