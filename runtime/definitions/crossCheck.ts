/**
 * Checks that span definitions (a form's fields exist on its entity, a lookup's
 * target exists, …). Each definition is already valid against its own schema.
 * Issues carry the path inside the faulty definition.
 */
import type { EntityDefinition, FormDefinition, Condition } from '../../schemas/index.js';
import type { ValidationIssue } from '../../schemas/validator.js';
import { SYSTEM_PROPERTIES } from './recordSchema.js';

export interface DefinitionIssue extends ValidationIssue {
  kind: string;
  name: string;
}

export interface DefinitionSet {
  entities: ReadonlyMap<string, EntityDefinition>;
  forms: ReadonlyMap<string, FormDefinition>;
  /** Every definition by kind, for checks of kinds this file does not know in detail. */
  all: readonly { kind: string; name: string; [k: string]: unknown }[];
}

const NUMERIC_TYPES = new Set(['number', 'currency', 'percent', 'rollup']);

export function checkEntity(entity: EntityDefinition, set: DefinitionSet): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  entity.fields.forEach((field, i) => {
    const at = `/fields/${i}`;
    if (seen.has(field.name)) issues.push({ path: `${at}/name`, message: `duplicate field name "${field.name}"` });
    seen.add(field.name);
    if (SYSTEM_PROPERTIES.has(field.name)) {
      issues.push({ path: `${at}/name`, message: `"${field.name}" is reserved for a system property` });
    }
    switch (field.type) {
      case 'select':
      case 'multiSelect': {
        const values = field.options.map((o) => o.value);
        const dup = values.find((v, j) => values.indexOf(v) !== j);
        if (dup) issues.push({ path: `${at}/options`, message: `duplicate option value "${dup}"` });
        const defaults = field.type === 'select' ? (field.default === undefined ? [] : [field.default]) : (field.default ?? []);
        for (const d of defaults) {
          if (!values.includes(d)) issues.push({ path: `${at}/default`, message: `"${d}" is not one of the options` });
        }
        break;
      }
      case 'number':
      case 'currency':
      case 'percent':
        if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
          issues.push({ path: `${at}/min`, message: 'must not be greater than max' });
        }
        break;
      case 'text':
        if (field.pattern !== undefined) {
          try {
            new RegExp(field.pattern, 'u');
          } catch {
            issues.push({ path: `${at}/pattern`, message: 'is not a valid regular expression' });
          }
        }
        break;
      case 'lookup':
        if (!set.entities.has(field.target)) {
          issues.push({ path: `${at}/target`, message: `no entity "${field.target}"` });
        }
        break;
      case 'rollup': {
        const child = set.entities.get(field.childEntity);
        if (!child) {
          issues.push({ path: `${at}/childEntity`, message: `no entity "${field.childEntity}"` });
          break;
        }
        const via = child.fields.find((f) => f.name === field.childLookup);
        if (!via || via.type !== 'lookup' || via.target !== entity.name) {
          issues.push({ path: `${at}/childLookup`, message: `"${field.childLookup}" is not a lookup from ${child.name} to ${entity.name}` });
        }
        if (field.aggregate !== 'count') {
          const source = child.fields.find((f) => f.name === field.childField);
          const numeric =
            source && (NUMERIC_TYPES.has(source.type) || (source.type === 'formula' && ['number', 'currency', 'percent'].includes(source.resultType)));
          if (!numeric) issues.push({ path: `${at}/childField`, message: `${field.aggregate} needs a numeric field of ${child.name}` });
        }
        break;
      }
      default:
        break;
    }
  });
  const title = entity.fields.find((f) => f.name === entity.titleField);
  if (!title || title.archived) issues.push({ path: '/titleField', message: `no active field "${entity.titleField}"` });
  (entity.indexes ?? []).forEach((index, i) => {
    index.fields.forEach((name, j) => {
      if (!seen.has(name) && !SYSTEM_PROPERTIES.has(name)) {
        issues.push({ path: `/indexes/${i}/fields/${j}`, message: `no field "${name}"` });
      }
    });
  });
  return issues;
}

/** Facts a condition names, with their paths, so unknown fields can be reported. */
function conditionFacts(condition: Condition, path: string, out: { fact: string; path: string }[]): void {
  if ('all' in condition) condition.all.forEach((c, i) => conditionFacts(c, `${path}/all/${i}`, out));
  else if ('any' in condition) condition.any.forEach((c, i) => conditionFacts(c, `${path}/any/${i}`, out));
  else if ('not' in condition) conditionFacts(condition.not, `${path}/not`, out);
  else out.push({ fact: condition.fact, path: `${path}/fact` });
}

export function checkConditionFacts(condition: Condition, path: string, known: (fact: string) => boolean): ValidationIssue[] {
  const facts: { fact: string; path: string }[] = [];
  conditionFacts(condition, path, facts);
  return facts.filter((f) => !known(f.fact)).map((f) => ({ path: f.path, message: `unknown field "${f.fact}"` }));
}

export function checkForm(form: FormDefinition, set: DefinitionSet): ValidationIssue[] {
  const entity = set.entities.get(form.entity);
  if (!entity) return [{ path: '/entity', message: `no entity "${form.entity}"` }];
  const issues: ValidationIssue[] = [];
  const fieldNames = new Set(entity.fields.filter((f) => !f.archived).map((f) => f.name));
  const placed = new Set<string>();
  const sectionIds = new Set<string>();
  const tabIds = new Set((form.tabs ?? []).map((t) => t.id));
  form.sections.forEach((section, i) => {
    if (sectionIds.has(section.id)) issues.push({ path: `/sections/${i}/id`, message: `duplicate section id "${section.id}"` });
    sectionIds.add(section.id);
    if (section.tab !== undefined && !tabIds.has(section.tab)) {
      issues.push({ path: `/sections/${i}/tab`, message: `no tab "${section.tab}"` });
    }
    section.fields.forEach((placement, j) => {
      const at = `/sections/${i}/fields/${j}/field`;
      if (!fieldNames.has(placement.field)) issues.push({ path: at, message: `no active field "${placement.field}" on ${entity.name}` });
      else if (placed.has(placement.field)) issues.push({ path: at, message: `field "${placement.field}" is placed twice` });
      placed.add(placement.field);
    });
    const related = section.relatedList;
    if (related) {
      const child = set.entities.get(related.entity);
      const via = child?.fields.find((f) => f.name === related.via);
      if (!child) issues.push({ path: `/sections/${i}/relatedList/entity`, message: `no entity "${related.entity}"` });
      else if (!via || via.type !== 'lookup' || via.target !== entity.name) {
        issues.push({ path: `/sections/${i}/relatedList/via`, message: `"${related.via}" is not a lookup from ${child.name} to ${entity.name}` });
      }
      (related.columns ?? []).forEach((c, j) => {
        if (child && !child.fields.some((f) => f.name === c)) {
          issues.push({ path: `/sections/${i}/relatedList/columns/${j}`, message: `no field "${c}" on ${child.name}` });
        }
      });
    }
  });
  (form.rules ?? []).forEach((rule, i) => {
    if (!fieldNames.has(rule.field)) issues.push({ path: `/rules/${i}/field`, message: `no active field "${rule.field}"` });
    issues.push(...checkConditionFacts(rule.when, `/rules/${i}/when`, (f) => fieldNames.has(f) || SYSTEM_PROPERTIES.has(f)));
  });
  return issues;
}
