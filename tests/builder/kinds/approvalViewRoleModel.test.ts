import { describe, expect, it } from 'vitest';
import type { ApprovalDefinition } from '../../../schemas/approval.js';
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { RoleDefinition } from '../../../schemas/role.js';
import type { ViewDefinition } from '../../../schemas/view.js';
import * as approval from '../../../builder/src/designer/kinds/approval/model.js';
import * as view from '../../../builder/src/designer/kinds/view/model.js';
import * as role from '../../../builder/src/designer/kinds/role/model.js';
import { b2bDefinitions, context, issuesInSet } from './workingSet.js';

const defs = b2bDefinitions();
const ctx = context(defs);
const entity = (name: string) => defs.find((d) => d.kind === 'entity' && d.name === name) as unknown as EntityDefinition;

describe('approval model', () => {
  const quoteDiscount = defs.find((d) => d.name === 'quoteDiscount') as unknown as ApprovalDefinition;

  it('creates a valid approval and adds, edits, reorders and removes steps', () => {
    let a = approval.createApproval('bigQuote', ctx);
    expect(issuesInSet(a, defs)).toEqual([]);
    const e = entity(a.entity);
    a = approval.addStep(a, approval.newStep(a, e, ctx));
    expect(new Set(a.steps.map((s) => s.name)).size).toBe(2);
    for (const type of approval.APPROVER_TYPES) {
      const b = approval.setApproverType(a, 1, type, e, ctx);
      expect(b.steps[1]!.approver.type).toBe(type);
      if (type !== 'userField' || approval.userFields(e).length) expect(issuesInSet(b, defs), type).toEqual([]);
    }
    a = approval.updateStep(a, 1, { onReject: 'backOneStep', mode: 'unanimous' });
    a = approval.setStepCondition(a, 1, { all: [{ fact: 'owner', operator: 'isNotEmpty' }] });
    expect(issuesInSet(a, defs)).toEqual([]);
    const moved = approval.moveStep(a, 1, 0);
    expect(moved.steps[0]!.onReject).toBe('final'); // the first step has no step to go back to
    expect(approval.removeStep(approval.removeStep(a, 0), 0).steps).toHaveLength(1);
  });

  it('sets entry criteria and outcomes, dropping them when emptied', () => {
    let a = approval.setEntryCriteria(quoteDiscount, { all: [{ fact: 'owner', operator: 'isNotEmpty' }] });
    a = approval.setOutcome(a, 'onRecall', { status: 'draft' });
    expect(a.onRecall).toEqual({ setFields: { status: 'draft' } });
    expect(issuesInSet(a, defs)).toEqual([]);
    a = approval.setOutcome(a, 'onRecall', {});
    a = approval.setEntryCriteria(a, undefined);
    expect('onRecall' in a || 'entryCriteria' in a).toBe(false);
    const badOutcome = approval.setOutcome(quoteDiscount, 'onApprove', { status: 'nosuchoption' });
    expect(issuesInSet(badOutcome, defs)[0]!.path).toBe('/approval/quoteDiscount/onApprove/setFields/status');
  });
});

describe('view model', () => {
  it('turns simple filter rows into a MongoDB filter and back', () => {
    const rows: view.FilterRow[] = [
      { field: 'grading', op: 'eq', value: 'important' },
      { field: 'amount', op: 'gte', value: 100 },
      { field: 'amount', op: 'lt', value: 500 },
      { field: 'region', op: 'in', value: ['east', 'west'] },
      { field: 'closeDate', op: 'notExists', value: true },
    ];
    const filter = view.rowsToFilter(rows);
    expect(filter).toEqual({ grading: 'important', amount: { $gte: 100, $lt: 500 }, region: { $in: ['east', 'west'] }, closeDate: { $exists: false } });
    expect(view.filterToRows(filter)).toEqual(rows);
    const twice: view.FilterRow[] = [{ field: 'name', op: 'regex', value: 'a' }, { field: 'name', op: 'regex', value: 'b' }];
    expect(view.rowsToFilter(twice)).toEqual({ $and: [{ name: { $regex: 'a' } }, { name: { $regex: 'b' } }] });
    expect(view.filterToRows(view.rowsToFilter(twice))).toEqual(twice);
    expect(view.filterToRows({ $or: [{ a: 1 }] })).toBeNull();
    expect(view.filterToRows({ a: { $elemMatch: 1 } as never })).toBeNull();
    expect(view.rowsToFilter([])).toBeUndefined();
  });

  it('edits columns, sort, filter and kanban of a valid view', () => {
    let v = view.createView('myAccounts', ctx);
    expect(issuesInSet(v, defs)).toEqual([]);
    v = view.setEntity(v, entity('account'), ctx);
    expect(v.columns).not.toContain('annualRevenue');
    v = view.toggleColumn(v, 'annualRevenue');
    v = view.moveColumn(v, v.columns!.length - 1, 0);
    expect(v.columns![0]).toBe('annualRevenue');
    expect(view.toggleColumn(v, 'annualRevenue').columns).not.toContain('annualRevenue');
    v = view.addSortKey(v, 'name');
    v = view.updateSortKey(v, 1, { field: 'name', direction: 'desc' });
    v = view.moveSortKey(v, 1, 0);
    expect(v.sort![0]).toEqual({ field: 'name', direction: 'desc' });
    v = view.setFilter(v, [view.newFilterRow(entity('account').fields.find((f) => f.name === 'grading')!)]);
    expect(v.filter).toEqual({ grading: 'important' });
    v = view.setPageSize(v, 500);
    expect(v.pageSize).toBe(200);
    v = view.setVisibility(v, ['rep']);
    expect(issuesInSet(v, defs)).toEqual([]);
    v = view.setFilter(view.setVisibility(view.removeSortKey(view.removeSortKey(v, 0), 0), []), []);
    expect('filter' in v || 'sort' in v || 'visibility' in v).toBe(false);
  });

  it('fills kanban and calendar settings when the type changes', () => {
    const opp = view.setEntity(view.createView('board', ctx), entity('opportunity'), ctx);
    const board = view.setType(opp, 'kanban', entity('opportunity'), ctx);
    expect(board.kanban).toEqual({ pipeline: 'opportunityStage' });
    expect(issuesInSet(board, defs)).toEqual([]);
    const bySelect = view.setKanban(board, { groupBy: 'source' in {} ? 'x' : entity('opportunity').fields.find((f) => f.type === 'select')!.name });
    expect(Object.keys(bySelect.kanban!)).toEqual(['groupBy']);
    const cal = view.setType(board, 'calendar', entity('opportunity'), ctx);
    expect(cal.kanban).toBeUndefined();
    expect(cal.calendar!.dateField).toBeTruthy();
    expect(issuesInSet(cal, defs)).toEqual([]);
    const list = view.setType(cal, 'list', entity('opportunity'), ctx);
    expect('calendar' in list).toBe(false);
  });

  it('changes a row operator keeping the value when its shape fits', () => {
    const grading = entity('account').fields.find((f) => f.name === 'grading')!;
    const row = view.newFilterRow(grading);
    expect(view.changeRowOp(row, 'ne', grading).value).toBe('important');
    expect(view.changeRowOp(row, 'in', grading).value).toEqual([]);
    expect(view.filterOpsFor('number')).toContain('gte');
  });
});

describe('role model', () => {
  const rep = defs.find((d) => d.kind === 'role' && d.name === 'rep') as unknown as RoleDefinition;

  it('sets scopes per entity and action, dropping all-none rows', () => {
    let r = role.createRole('auditor', ctx);
    r = role.setScope(r, 'account', 'read', 'all');
    expect(role.scopeOf(r, 'account', 'read')).toBe('all');
    expect(role.scopeOf(r, 'account', 'update')).toBe('none');
    r = role.setRow(r, 'opportunity', 'team');
    expect(r.permissions.opportunity).toEqual({ read: 'team', create: 'team', update: 'team', delete: 'team', export: 'team' });
    expect(issuesInSet(r, defs)).toEqual([]);
    r = role.setScope(r, 'account', 'read', 'none');
    expect(r.permissions.account).toBeUndefined();
    r = role.setRow(r, 'opportunity', 'none');
    expect(r.permissions).toEqual({});
  });

  it('sets hidden / read-only fields and read-only-when conditions', () => {
    let r = role.setFieldAccess(rep, 'account', 'annualRevenue', 'hidden');
    r = role.setFieldAccess(r, 'account', 'phone', 'readOnly');
    expect(r.fieldPermissions!.account).toEqual({ grading: 'readOnly', annualRevenue: 'hidden', phone: 'readOnly' });
    expect(role.fieldAccess(r, 'account', 'annualRevenue')).toBe('hidden');
    r = role.setReadOnlyWhen(r, 'account', { all: [{ fact: 'owner', operator: 'isNotEmpty' }] });
    r = role.setFlag(r, 'isAdmin', false);
    expect(issuesInSet(r, defs)).toEqual([]);
    const cleared = role.setReadOnlyWhen(role.setFieldAccess(role.setFieldAccess(r, 'account', 'annualRevenue', 'editable'), 'account', 'phone', 'editable'), 'account', undefined);
    expect(cleared.fieldPermissions?.account).toEqual(rep.fieldPermissions?.account);
    expect(cleared.readOnlyWhen).toEqual(rep.readOnlyWhen);
    expect(role.setReportsTo(rep, undefined).reportsTo).toBeUndefined();
  });
});
