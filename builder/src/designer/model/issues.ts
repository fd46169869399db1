/** Where a validation issue points: `/entity/account/fields/3/label` → entity account, field at index 3. */
import type { DefinitionSet } from './definitionSet.js';
import { entityNamed, formNamed } from './definitionSet.js';

export interface Issue {
  path: string;
  message: string;
}

export interface IssueTarget {
  kind: string;
  name: string;
  /** The entity field the issue is about (by API name), when it is about one. */
  field?: string;
  /** The form section or the rule's field, for form issues. */
  section?: string;
  /** The rest of the pointer after the item. */
  rest: string;
}

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function targetOf(path: string, set: DefinitionSet): IssueTarget | null {
  const parts = path.split('/').slice(1).map(unescape);
  const [kind, name, ...rest] = parts;
  if (!kind || !name) return null;
  const target: IssueTarget = { kind, name, rest: rest.length ? `/${rest.join('/')}` : '' };
  if (kind === 'entity' && rest[0] === 'fields' && /^\d+$/.test(rest[1] ?? '')) {
    target.field = entityNamed(set, name)?.fields[Number(rest[1])]?.name;
  }
  if (kind === 'form') {
    const form = formNamed(set, name);
    if (rest[0] === 'sections' && /^\d+$/.test(rest[1] ?? '')) {
      const section = form?.sections[Number(rest[1])];
      target.section = section?.id;
      if (rest[2] === 'fields' && /^\d+$/.test(rest[3] ?? '')) target.field = section?.fields[Number(rest[3])]?.field;
    }
    if (rest[0] === 'rules' && /^\d+$/.test(rest[1] ?? '')) target.field = form?.rules?.[Number(rest[1])]?.field;
  }
  return target;
}

/** Issues about one entity field, for showing at the field in the designer. */
export function issuesAt(issues: readonly Issue[], set: DefinitionSet, kind: string, name: string, field?: string): Issue[] {
  return issues.filter((i) => {
    const t = targetOf(i.path, set);
    return !!t && t.kind === kind && t.name === name && (field === undefined || t.field === field);
  });
}
