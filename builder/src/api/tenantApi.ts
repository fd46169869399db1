/** The API of one tenant, as the pages use it: records, the signed-in user, history. */
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { MongoFilter } from '../../../schemas/filter.js';
import type { LookupOption, RecordData, RecordPage, RecordRefs, SearchLookup } from '../../../runtime/ui/types.js';
import type { PipelineSummary } from '../../../runtime/pipelines/summary.js';
import type { TransitionInput } from '../../../runtime/pipelines/transition.js';
import type { Notification } from '../../../runtime/messaging/notifications.js';
import type { ApprovalRequestView, InboxItem, RecordApprovals } from './approvalTypes.js';
import { readSession } from '../auth/session.js';
import { ApiError, request, type Method } from './http.js';
import type { AppManifest, AuditEntry, LoginAnswer, Me, RecordAccess, WorkflowRunAnswer } from './types.js';

export interface ListParams {
  filter?: MongoFilter;
  sort?: string;
  page?: number;
  pageSize?: number;
  q?: string;
}

export interface NotificationPage {
  items: Notification[];
  unread: number;
}

export interface TenantApi {
  manifest(): Promise<AppManifest>;
  me(): Promise<Me>;
  logout(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  list(entity: string, params: ListParams): Promise<RecordPage>;
  get(entity: string, id: string): Promise<RecordData>;
  create(entity: string, values: Record<string, unknown>): Promise<RecordData>;
  update(entity: string, id: string, changes: Record<string, unknown>, version: number): Promise<RecordData>;
  remove(entity: string, id: string, version: number): Promise<void>;
  history(entity: string, id: string): Promise<AuditEntry[]>;
  access(entity: string, id: string): Promise<RecordAccess>;
  /** Moves a record of an entity with a pipeline to another stage; answers the updated record. */
  transition(entity: string, id: string, input: TransitionInput): Promise<RecordData>;
  /** Per stage: count, amount and weighted amount over the records the user may read. */
  pipelineSummary(pipeline: string): Promise<PipelineSummary>;
  /** The signed-in user's notifications, newest first, and how many are unread. */
  notifications(opts?: { unread?: boolean; limit?: number }): Promise<NotificationPage>;
  readNotification(id: string): Promise<{ unread: number }>;
  readAllNotifications(): Promise<{ unread: number }>;
  /** Pending approval requests waiting for the signed-in user's answer. */
  approvalsInbox(): Promise<{ items: InboxItem[] }>;
  /** A record's approval requests (newest first) and the approvals the user could submit for it. */
  recordApprovals(entity: string, id: string): Promise<RecordApprovals>;
  submitApproval(entity: string, id: string, approval: string, comment?: string): Promise<ApprovalRequestView>;
  /** Approve, reject or (the submitter) recall a request. */
  answerApproval(requestId: string, action: 'approve' | 'reject' | 'recall', comment?: string): Promise<ApprovalRequestView>;
  /** Runs a manual workflow on a record now. */
  runWorkflow(entity: string, id: string, workflow: string): Promise<WorkflowRunAnswer>;
  searchLookup: SearchLookup;
  /** Titles of the records a record's lookup fields point at, for showing it. */
  refsOf(entity: EntityDefinition, record: RecordData): Promise<RecordRefs>;
  /** Titles of records by id, per target entity (ids the user cannot read are left out). */
  titles(ids: ReadonlyMap<string, ReadonlySet<string>>): Promise<RecordRefs>;
}

const LOOKUP_PAGE = 20;
const base = (tenant: string) => `/api/t/${encodeURIComponent(tenant)}`;

/** Signs in; the only tenant call made without a token. */
export function login(tenant: string, email: string, password: string): Promise<LoginAnswer> {
  return request('POST', `${base(tenant)}/auth/login`, { email, password });
}

/**
 * `onUnauthorized` runs when the server answers 401 to any call (the session
 * expired, was revoked, or the user was deactivated); the shell sends the user to sign in.
 * `onWrite` runs after every write the server accepted, so views that a save may
 * change elsewhere (notifications sent by workflows) can refresh.
 */
export function tenantApi(
  tenant: string,
  entities: () => readonly EntityDefinition[],
  onUnauthorized: () => void = () => {},
  onWrite: () => void = () => {},
): TenantApi {
  const root = base(tenant);
  const records = (entity: string) => `${root}/records/${encodeURIComponent(entity)}`;
  const record = (entity: string, id: string) => `${records(entity)}/${encodeURIComponent(id)}`;
  const entityNamed = (name: string) => entities().find((e) => e.name === name);

  async function call<T>(method: Method, url: string, body?: unknown): Promise<T> {
    // Read at every call: another tab may have signed out or in since.
    const session = readSession(tenant);
    if (!session) {
      onUnauthorized();
      throw new ApiError(401, 'UNAUTHENTICATED', 'sign in first');
    }
    try {
      const answer = await request<T>(method, url, body, session.token);
      if (method !== 'GET') onWrite();
      return answer;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onUnauthorized();
      throw e;
    }
  }

  const list: TenantApi['list'] = (entity, params) => {
    const qs = new URLSearchParams();
    if (params.filter) qs.set('filter', JSON.stringify(params.filter));
    if (params.sort) qs.set('sort', params.sort);
    if (params.page) qs.set('page', String(params.page));
    if (params.pageSize) qs.set('pageSize', String(params.pageSize));
    if (params.q) qs.set('q', params.q);
    return call('GET', `${records(entity)}?${qs}`);
  };

  const titles: TenantApi['titles'] = async (ids) => {
    // One list call per target entity, with all its ids at once.
    const refs: RecordRefs = {};
    await Promise.all([...ids].filter(([target, set]) => set.size > 0 && entityNamed(target)).map(async ([target, set]) => {
      const titleField = entityNamed(target)?.titleField ?? 'name';
      const page = await list(target, { filter: { id: { $in: [...set] } }, pageSize: set.size });
      refs[target] = Object.fromEntries(page.items.map((r) => [String(r.id), String(r[titleField] ?? r.id)]));
    }));
    return refs;
  };

  return {
    manifest: () => call('GET', `${root}/app`),
    me: () => call('GET', `${root}/auth/me`),
    logout: () => call('POST', `${root}/auth/logout`, {}),
    changePassword: (currentPassword, newPassword) => call('POST', `${root}/auth/password`, { currentPassword, newPassword }),
    list,
    get: (entity, id) => call('GET', record(entity, id)),
    create: (entity, values) => call('POST', records(entity), values),
    update: (entity, id, changes, version) => call('PATCH', record(entity, id), { ...changes, version }),
    remove: (entity, id, version) => call('DELETE', `${record(entity, id)}?version=${version}`),
    history: async (entity, id) => (await call<{ items: AuditEntry[] }>('GET', `${record(entity, id)}/history`)).items,
    access: (entity, id) => call('GET', `${record(entity, id)}/access`),
    transition: (entity, id, input) => call('POST', `${record(entity, id)}/transition`, input),
    pipelineSummary: (pipeline) => call('GET', `${root}/pipelines/${encodeURIComponent(pipeline)}/summary`),
    notifications: ({ unread, limit } = {}) => {
      const qs = new URLSearchParams();
      if (unread) qs.set('unread', '1');
      if (limit) qs.set('limit', String(limit));
      return call('GET', `${root}/notifications?${qs}`);
    },
    readNotification: (id) => call('POST', `${root}/notifications/${encodeURIComponent(id)}/read`, {}),
    readAllNotifications: () => call('POST', `${root}/notifications/read-all`, {}),
    approvalsInbox: () => call('GET', `${root}/approvals/inbox`),
    recordApprovals: (entity, id) => call('GET', `${record(entity, id)}/approvals`),
    submitApproval: (entity, id, approval, comment) => call('POST', `${record(entity, id)}/approvals`, { approval, ...(comment ? { comment } : {}) }),
    answerApproval: (requestId, action, comment) =>
      call('POST', `${root}/approvals/${encodeURIComponent(requestId)}/${action}`, comment ? { comment } : {}),
    runWorkflow: (entity, id, workflow) => call('POST', `${record(entity, id)}/workflows/${encodeURIComponent(workflow)}/run`, {}),
    titles,

    async searchLookup(entity, q): Promise<LookupOption[]> {
      const target = entityNamed(entity);
      const page = await list(entity, { q: q || undefined, pageSize: LOOKUP_PAGE, sort: target ? target.titleField : undefined });
      const titleField = target?.titleField ?? 'name';
      return page.items.map((r) => ({ value: String(r.id), label: String(r[titleField] ?? r.id) }));
    },

    refsOf(entity, rec) {
      const byTarget = new Map<string, Set<string>>();
      for (const field of entity.fields) {
        const value = rec[field.name];
        if (field.type !== 'lookup' || field.archived || typeof value !== 'string' || !value) continue;
        (byTarget.get(field.target) ?? byTarget.set(field.target, new Set()).get(field.target)!).add(value);
      }
      return titles(byTarget);
    },
  };
}
