/** What the tenant endpoints the app uses answer: `/app`, `/auth/me`, a record's history and access. */
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { FormDefinition } from '../../../schemas/form.js';
import type { ViewDefinition } from '../../../schemas/view.js';
import type { PipelineDefinition } from '../../../schemas/pipeline.js';
import type { WorkflowRun } from '../../../runtime/workflows/runs.js';
import type { SessionUser } from '../auth/session.js';

export interface TenantInfo {
  id: string;
  label: string;
  locale: string;
  timeZone: string;
  currency: string;
}

export interface DirectoryUser {
  id: string;
  name: string | { 'zh-CN'?: string; en?: string };
  status?: string;
}

/** Only the entities the user may read, without the fields hidden from their roles. */
export interface AppManifest {
  tenant: TenantInfo;
  entities: EntityDefinition[];
  forms: FormDefinition[];
  views: ViewDefinition[];
  pipelines?: PipelineDefinition[];
  /** Everyone in the tenant, to show owners by name and to pick them. */
  users?: DirectoryUser[];
  /** Workflows started by a button on a record page. */
  manualWorkflows?: ManualWorkflow[];
}

export interface ManualWorkflow {
  name: string;
  entity: string;
  buttonLabel: { 'zh-CN'?: string; en?: string };
}

/** `POST …/records/:entity/:id/workflows/:name/run`: the run and each action's outcome. */
export interface WorkflowRunAnswer {
  run: WorkflowRun;
}

export type Scope = 'none' | 'own' | 'team' | 'department' | 'all';
export type EntityAction = 'read' | 'create' | 'update' | 'delete' | 'export';

/** `GET /auth/me`: who is signed in and what their roles let them do, per entity. */
export interface Me {
  user: SessionUser;
  isAdmin: boolean;
  permissions: Record<string, Partial<Record<EntityAction, Scope>>>;
  hiddenFields: Record<string, string[]>;
  readOnlyFields: Record<string, string[]>;
}

export interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

export interface FieldChangeEntry {
  field: string;
  from: unknown;
  to: unknown;
}

export interface AuditEntry {
  id: string;
  entity: string;
  recordId: string;
  action: string;
  channel: string;
  user: string | null;
  /** ISO instant. */
  at: string;
  changes: FieldChangeEntry[];
}

/** `GET /records/:entity/:id/access` for the caller: which actions this record allows them. */
export interface RecordAccess {
  actions: { action: EntityAction; allowed: boolean; scope?: Scope; reason?: string }[];
}
