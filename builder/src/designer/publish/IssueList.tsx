/** Validation errors with their paths; clicking one opens the item it is about. */
import { Alert, Typography } from 'antd';
import { useDesignerText } from '../i18n.js';
import { formNamed } from '../model/definitionSet.js';
import { targetOf, type Issue } from '../model/issues.js';
import { useDesigner, type Selection } from '../state/DesignerContext.js';
import { KIND_DESIGNERS } from '../shell/kindDesigners.js';

export function IssueList({ issues }: { issues: readonly Issue[] }) {
  const { t } = useDesignerText();
  const { draft, select } = useDesigner();
  if (issues.length === 0) return <Alert type="success" showIcon title={t('noIssues')} />;

  const open = (issue: Issue) => {
    const target = targetOf(issue.path, draft.set);
    if (!target) return;
    let sel: Selection | null = null;
    if (target.kind === 'entity') sel = { area: 'entities', entity: target.name, field: target.field };
    if (target.kind === 'form') {
      const form = formNamed(draft.set, target.name);
      sel = { area: 'forms', entity: form?.entity, form: target.name, field: target.field, section: target.field ? undefined : target.section };
    }
    if (KIND_DESIGNERS.some((d) => d.kind === target.kind)) sel = { area: target.kind as Selection['area'], item: target.name };
    if (sel) select(sel);
  };

  return (
    <div>
      <Typography.Text type="danger">{t('issues', { count: issues.length })}</Typography.Text>
      <ul style={{ listStyle: 'none', padding: 0, margin: '6px 0 0' }}>
        {issues.map((issue, i) => (
          <li key={i}>
            <button type="button" className="sd-field-row" style={{ width: '100%', textAlign: 'left' }} onClick={() => open(issue)} data-issue-path={issue.path}>
              <span className="sd-grow"><code>{issue.path}</code> {issue.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
