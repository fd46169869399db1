/** The b2b-crm template's definitions as a designer's working set, and a check of one edited definition in it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSet } from '../../../runtime/definitions/validateSet.js';
import type { StoredDefinition } from '../../../runtime/definitions/compileApp.js';
import type { DesignerContext } from '../../../builder/src/designer/kinds/types.js';

const dir = fileURLToPath(new URL('../../../templates/b2b-crm/definitions', import.meta.url));

export function b2bDefinitions(): StoredDefinition[] {
  const out: StoredDefinition[] = [];
  for (const kind of readdirSync(dir)) {
    for (const file of readdirSync(join(dir, kind))) out.push(JSON.parse(readFileSync(join(dir, kind, file), 'utf8')));
  }
  return out;
}

export function context(definitions = b2bDefinitions()): DesignerContext {
  return {
    definitions,
    locale: 'zh-CN',
    tenant: 'demo',
    api: async () => { throw new Error('no API in unit tests'); },
    issues: [],
  };
}

/**
 * Issues the server would report for `def` when published with the rest of
 * the template (same kind and name replaced, or added): schema, cross-checks, compile.
 */
export function issuesInSet(def: { kind: string; name: string }, base = b2bDefinitions()): { path: string; message: string }[] {
  const set = [...base.filter((d) => !(d.kind === def.kind && d.name === def.name)), def as unknown as StoredDefinition];
  const { issues } = validateSet(1, set);
  return issues.map((i) => ({ path: `/${i.kind}/${i.name}${i.path}`, message: i.message }));
}
