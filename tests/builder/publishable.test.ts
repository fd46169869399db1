/**
 * What the designer produces passes the server's whole-set validation (the
 * check a publish runs), on the real b2b-crm template: a custom entity with
 * its form, and a field of every type placed on the account form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StoredDefinition } from '../../runtime/definitions/compileApp.js';
import { validateSet } from '../../runtime/definitions/validateSet.js';
import { asDefinition, entitiesOf, entityNamed, formNamed, upsert, type Definition } from '../../builder/src/designer/model/definitionSet.js';
import { addField, newEntity } from '../../builder/src/designer/model/entity.js';
import { childOf, FIELD_TYPES, newField } from '../../builder/src/designer/model/fieldTypes.js';
import { newForm, placeField } from '../../builder/src/designer/model/form.js';
import { newFactCondition, setRule } from '../../builder/src/designer/model/rules.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates/b2b-crm/definitions');
const template = (): Definition[] =>
  readdirSync(root).flatMap((kind) => readdirSync(join(root, kind)).map((f) => JSON.parse(readFileSync(join(root, kind, f), 'utf8')) as Definition));
const issuesOf = (set: readonly Definition[]) => validateSet(2, set as unknown as StoredDefinition[]).issues;

describe('designer output is publishable', () => {
  it('the template itself validates (baseline)', () => {
    expect(issuesOf(template())).toEqual([]);
  });

  it('a new custom entity with its starting form', () => {
    const entity = newEntity('visitPlan', { 'zh-CN': '拜访计划', en: 'Visit plan' }, { 'zh-CN': '主题', en: 'Subject' });
    const set = upsert(upsert(template(), asDefinition(entity)), asDefinition(newForm('visitPlanDefault', entity)));
    expect(issuesOf(set)).toEqual([]);
  });

  it('a field of every type on account, placed on its form, with a rule on the select', () => {
    let set = template();
    let account = entityNamed(set, 'account')!;
    const ctx = { firstEntity: 'contact', child: childOf(entitiesOf(set), 'account') };
    expect(ctx.child).toBeDefined();
    for (const type of FIELD_TYPES) account = addField(account, newField(type, `x${type[0].toUpperCase()}${type.slice(1)}`, { 'zh-CN': type, en: type }, ctx));
    set = upsert(set, asDefinition(account));
    let form = formNamed(set, 'accountDefault')!;
    for (const type of FIELD_TYPES) form = placeField(form, `x${type[0].toUpperCase()}${type.slice(1)}`, 'contactInfo', 0);
    form = setRule(form, 'xSelect', 'required', { all: [newFactCondition(account.fields.find((f) => f.name === 'grading')!)] });
    set = upsert(set, asDefinition(form));
    expect(issuesOf(set)).toEqual([]);
  });
});
