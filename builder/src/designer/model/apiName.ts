/** API names (schemas/common.ts apiName) and suggesting one from a label. */

export const API_NAME = /^[a-z][a-zA-Z0-9]{0,62}$/;

export const isApiName = (name: string) => API_NAME.test(name);

/** A camelCase name from an English label ("Lead source" → leadSource), or `fallback` when none can be made. */
export function suggestApiName(english: string, taken: ReadonlySet<string>, fallback = 'field'): string {
  const words = english.replace(/[^A-Za-z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  let base = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
  base = base.replace(/^[0-9]+/, '').slice(0, 50);
  if (!isApiName(base)) base = fallback;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  return name;
}
