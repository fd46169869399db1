/** What to send when saving: all filled-in values on create, only the changed ones on update. */

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

const same = (a: unknown, b: unknown) => (isBlank(a) && isBlank(b)) || JSON.stringify(a) === JSON.stringify(b);

/** Empty inputs are left out so the server applies defaults and reports missing required fields itself. */
export function creationValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !isBlank(v)));
}

/** A PATCH carries only what changed; a cleared field is sent as null to clear it on the server. */
export function changedValues(initial: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!same(initial[name], value)) changes[name] = isBlank(value) ? null : value;
  }
  return changes;
}
