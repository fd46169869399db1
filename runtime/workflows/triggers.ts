/**
 * Which record-event triggers a save fires. Field-changed fires only when the
 * value really changed (the save pipeline reports only real changes) and the
 * old / new values match `from` / `to` where given; stage-changed is the
 * pipeline's stage field changing.
 */
import type { WorkflowDefinition, WorkflowTriggerType } from '../../schemas/index.js';
import type { RecordEvent } from '../records/events.js';
import type { TriggerInfo } from './runs.js';
import type { WorkflowIndex } from './compile.js';

export interface Fired {
  workflow: WorkflowDefinition;
  trigger: TriggerInfo;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function firedBy(index: WorkflowIndex, event: RecordEvent): Map<WorkflowTriggerType, Fired[]> {
  const entity = event.entity.name;
  const out = new Map<WorkflowTriggerType, Fired[]>();
  const add = (type: WorkflowTriggerType, fired: Fired[]) => fired.length && out.set(type, fired);
  if (event.type === 'created') {
    add('recordCreated', index.of(entity, 'recordCreated').map((workflow) => ({ workflow, trigger: { type: 'recordCreated' } })));
  } else if (event.type === 'deleted') {
    add('recordDeleted', index.of(entity, 'recordDeleted').map((workflow) => ({ workflow, trigger: { type: 'recordDeleted' } })));
  } else {
    const changes = new Map(event.changes.map((c) => [c.field, c]));
    add('recordUpdated', index.of(entity, 'recordUpdated').map((workflow) => ({ workflow, trigger: { type: 'recordUpdated', detail: { fields: [...changes.keys()] } } })));
    const fieldChanged: Fired[] = [];
    for (const workflow of index.of(entity, 'fieldChanged')) {
      const t = workflow.trigger as Extract<WorkflowDefinition['trigger'], { type: 'fieldChanged' }>;
      const change = changes.get(t.field);
      if (!change) continue;
      if (t.from !== undefined && !same(change.from, t.from)) continue;
      if (t.to !== undefined && !same(change.to, t.to)) continue;
      fieldChanged.push({ workflow, trigger: { type: 'fieldChanged', detail: { field: t.field, from: change.from, to: change.to } } });
    }
    add('fieldChanged', fieldChanged);
    const stageField = event.entity.pipeline?.field;
    const stage = stageField ? changes.get(stageField) : undefined;
    if (stage) {
      const stageChanged: Fired[] = [];
      for (const workflow of index.of(entity, 'stageChanged')) {
        const t = workflow.trigger as Extract<WorkflowDefinition['trigger'], { type: 'stageChanged' }>;
        if (t.from !== undefined && stage.from !== t.from) continue;
        if (t.to !== undefined && stage.to !== t.to) continue;
        stageChanged.push({ workflow, trigger: { type: 'stageChanged', detail: { from: stage.from, to: stage.to } } });
      }
      add('stageChanged', stageChanged);
    }
  }
  return out;
}
