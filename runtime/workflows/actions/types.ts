/** What every action executor gets and returns. */
import type { CompiledEntity } from '../../definitions/compiledTypes.js';
import type { RecordContext } from '../../records/context.js';
import type { WorkflowDefinition } from '../../../schemas/index.js';
import type { TemplateClock } from '../templates.js';
import type { BatchOp } from '../../store/port.js';
import type { UserCache } from '../userCache.js';

export interface ActionContext {
  /** Acting as the system (channel 'workflow'), one level deeper than the save that fired the run. */
  ctx: RecordContext;
  entity: CompiledEntity;
  recordId: string | null;
  /** The record as facts (refreshed after an action changes it); empty for a schedule trigger without a record. */
  record: Record<string, unknown>;
  /** Template data: the record plus `$previous`, `$user`, `$related`, `$owner`. */
  data: Record<string, unknown>;
  clock: TemplateClock;
  workflow: WorkflowDefinition;
  version: number;
  runId: string;
  index: number;
  /** Plan only: compute what would happen, write nothing. */
  dryRun: boolean;
  /** Who made the change that fired the run. */
  by: string | null;
  /** Users read once per event (owners, managers, recipients). */
  users: UserCache;
  /** Writes nothing later in the run depends on (notifications), committed with the run records in one batch. */
  deferred?: BatchOp[];
}

export interface ActionOutcome {
  status: 'done' | 'waiting' | 'planned';
  detail: Record<string, unknown>;
  /** The record changed: re-read it before the next action. */
  recordChanged?: boolean;
}
