/** Validation issues shown next to the item their JSON Pointer points at. */
import { Typography } from 'antd';
import { issuesUnder } from './entities.js';
import type { DesignerIssue } from './types.js';

export function IssueText({ issues, at, exact = false }: { issues: readonly DesignerIssue[]; at: string; exact?: boolean }) {
  const here = issuesUnder(issues, at, exact);
  if (!here.length) return null;
  return (
    <div role="alert" className="sc-kind-issues">
      {here.map((i) => (
        <Typography.Text key={`${i.path}:${i.message}`} type="danger" style={{ display: 'block', fontSize: 12 }}>
          {i.path.slice(at.length).replace(/^\//, '') ? <code>{i.path.slice(at.length + 1)}</code> : null} {i.message}
        </Typography.Text>
      ))}
    </div>
  );
}

/** `error` when an issue points at `at` (or under it), for an input's status. */
export const statusAt = (issues: readonly DesignerIssue[], at: string, exact = true): 'error' | undefined =>
  issuesUnder(issues, at, exact).length ? 'error' : undefined;
