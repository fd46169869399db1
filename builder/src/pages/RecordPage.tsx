/**
 * One record, new or existing: loads it, renders its form, saves through the
 * API and turns the server's answers into what the user sees — messages at
 * fields for 422, a reload offer for 409 (someone else saved first). What the
 * user's role allows shapes the page: fields it makes read-only are disabled,
 * and Save / Delete appear only where the role permits them.
 */
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Form, Popconfirm, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EntityDefinition } from '../../../schemas/entity.js';
import { formFor, withOwner } from '../../../runtime/ui/defaultForm.js';
import { defaultValues } from '../../../runtime/ui/defaults.js';
import { titleOf } from '../../../runtime/ui/fields.js';
import { localize } from '../../../runtime/ui/labels.js';
import { RecordForm } from '../../../runtime/ui/RecordForm.js';
import type { ErrorDetail, RecordData, RecordRefs } from '../../../runtime/ui/types.js';
import { ApiError, isNetworkError } from '../api/http.js';
import type { EntityAction } from '../api/types.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { Link, navigate } from '../router.js';
import { NotFound } from '../shell/NotFound.js';
import { useTenant } from '../shell/TenantContext.js';
import { ApprovalsPanel } from '../approvals/ApprovalsPanel.js';
import { lockingRequest, useRecordApprovals } from '../approvals/useRecordApprovals.js';
import { HistoryPanel } from './HistoryPanel.js';
import { RecordMeta } from './RecordMeta.js';
import { RelatedList } from './RelatedList.js';
import { changedValues, creationValues } from './recordChanges.js';
import { WorkflowButtons } from './WorkflowButtons.js';

type Loaded = {
  record: RecordData;
  refs: RecordRefs;
  /** What this record allows the user, where the server said; the role's permissions otherwise. */
  allowed?: Partial<Record<EntityAction, boolean>>;
};

const HISTORY_TAB = 'history';
const APPROVALS_TAB = 'approvals';

/** A record with a pending approval that locks it: the server refuses every change. */
const isApprovalLock = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 409 && e.code === 'APPROVAL_PENDING';

/** 409 also answers duplicates and references (with details) and approval locks; only a version clash calls for a reload. */
const isStale = (e: unknown) => e instanceof ApiError && e.status === 409 && e.code !== 'APPROVAL_PENDING' && (e.code === 'STALE_VERSION' || e.details.length === 0);

export default function RecordPage({ entity, id }: { entity: EntityDefinition; id: string | null }) {
  const { api, manifest, path, me, can, readOnlyFields } = useTenant();
  const { locale, t } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [loaded, setLoaded] = useState<Loaded | undefined>(() =>
    id ? undefined : { record: { ...defaultValues(entity, manifest.tenant.timeZone), ...(entity.hasOwner ? { owner: me.user.id } : {}) }, refs: {} });
  const [activeTab, setActiveTab] = useState<string | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [serverErrors, setServerErrors] = useState<ErrorDetail[]>([]);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const formDefinition = useMemo(() => withOwner(formFor(entity, manifest.forms), entity), [entity, manifest.forms]);
  const entityLabel = localize(entity.label, locale);
  const listPath = path(entity.name);
  const { approvals, error: approvalsError, reload: reloadApprovals } = useRecordApprovals(entity.name, id);
  const lock = lockingRequest(approvals);

  const load = useCallback(async () => {
    if (!id) return;
    setLoadError(undefined);
    try {
      // The per-record answer also knows about sharing; without it the role's permissions decide.
      const access = api.access(entity.name, id).then(
        (a) => Object.fromEntries(a.actions.map((x) => [x.action, x.allowed])) as Loaded['allowed'],
        () => undefined,
      );
      const record = await api.get(entity.name, id);
      const [refs, allowed] = await Promise.all([api.refsOf(entity, record), access]);
      setLoaded({ record, refs, allowed });
      setStale(false);
      setServerErrors([]);
    } catch (e) {
      setLoadError(e);
    }
  }, [api, entity, id]);
  useEffect(() => { void load(); }, [load]);

  const explain = (e: unknown) =>
    isNetworkError(e) ? t('networkError')
      : e instanceof ApiError && e.status === 403 ? `${t('noPermission')}: ${e.message}`
        : e instanceof Error ? e.message : String(e);

  /** The server's refusal, and the approvals reloaded so the lock banner shows. */
  const refusedWhileLocked = (e: ApiError) => {
    message.error(`${t('approvalPendingRefused')}: ${e.message}`);
    reloadApprovals();
  };

  /** After a submission, recall or workflow run: the lock and the record's values may have changed. */
  const refresh = () => {
    reloadApprovals();
    void load();
  };

  const onConflict = () => {
    setStale(true);
    modal.confirm({ title: t('conflictTitle'), content: t('conflictBody'), okText: t('reload'), cancelText: t('cancel'), onOk: load });
  };

  const save = async (values: Record<string, unknown>) => {
    if (!loaded) return;
    setServerErrors([]);
    const record = loaded.record;
    const changes = id ? changedValues(record, values) : creationValues(values);
    if (id && Object.keys(changes).length === 0) {
      message.info(t('noChanges'));
      return;
    }
    setSaving(true);
    try {
      if (!id) {
        const created = await api.create(entity.name, changes);
        message.destroy(); // an earlier "not saved" must not linger beside "created"
        message.success(t('created', { entity: entityLabel }));
        navigate(path(entity.name, String(created.id)), { replace: true });
      } else {
        const updated = await api.update(entity.name, id, changes, Number(record.version));
        setLoaded({ ...loaded, record: updated, refs: await api.refsOf(entity, updated).catch(() => loaded.refs) });
        reloadApprovals(); // whether the record qualifies for an approval depends on its values
        message.destroy();
        message.success(t('saved'));
      }
    } catch (e) {
      if (isApprovalLock(e)) refusedWhileLocked(e);
      else if (isStale(e) && id) onConflict();
      else if (e instanceof ApiError && e.details.length > 0 && (e.status === 422 || e.status === 400 || e.status === 409)) {
        setServerErrors(e.details);
        message.error(t('validationFailed'));
      } else message.error(explain(e));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!id || !loaded) return;
    try {
      await api.remove(entity.name, id, Number(loaded.record.version));
      message.success(t('deleted'));
      navigate(listPath);
    } catch (e) {
      if (isApprovalLock(e)) refusedWhileLocked(e);
      else if (isStale(e)) onConflict();
      else message.error(explain(e));
    }
  };

  if (!id && !can(entity.name, 'create')) {
    return <Result status="403" title={t('noPermission')} subTitle={t('noCreatePermission', { entity: entityLabel })}
      extra={<Button type="primary" onClick={() => navigate(listPath)}>{t('back')}</Button>} />;
  }
  if (loadError instanceof ApiError && loadError.status === 404) return <NotFound />;
  if (loadError) {
    return <Result status="error" title={t('loadFailed')} subTitle={explain(loadError)} extra={<Button type="primary" onClick={load}>{t('retry')}</Button>} />;
  }
  if (!loaded) return <div className="sc-center"><Spin size="large" /></div>;

  const title = id ? titleOf(entity, loaded.record) : t('newRecordTitle', { entity: entityLabel });
  const allows = (action: EntityAction) => can(entity.name, action) && loaded.allowed?.[action] !== false;
  const canSave = id ? allows('update') && !lock : can(entity.name, 'create');
  const canDelete = !!id && allows('delete') && !lock;
  // Reps (scope "own") can only hold records themselves; wider scopes may hand them to others.
  const writeScope = me.permissions?.[entity.name]?.[id ? 'update' : 'create'];
  const ownerEditable = canSave && (me.isAdmin || (writeScope !== undefined && writeScope !== 'own' && writeScope !== 'none'));

  return (
    <div className="sc-page">
      <div className="sc-page-header sc-record-header">
        <div className="sc-record-heading">
          <Breadcrumb items={[{ title: <Link to={listPath}>{localize(entity.pluralLabel ?? entity.label, locale)}</Link> }, { title }]} />
          <Typography.Title level={4} style={{ margin: '4px 0 0' }}>{title}</Typography.Title>
          {id && <RecordMeta record={loaded.record} />}
        </div>
        <Space wrap>
          {id && <WorkflowButtons entity={entity.name} id={id} onRan={refresh} />}
          <Button onClick={() => navigate(listPath)}>{t('cancel')}</Button>
          {canDelete && (
            <Popconfirm title={t('confirmDelete', { entity: entityLabel })} okText={t('delete')} cancelText={t('cancel')} okButtonProps={{ danger: true }} onConfirm={remove}>
              <Button danger icon={<DeleteOutlined />}>{t('delete')}</Button>
            </Popconfirm>
          )}
          {canSave && (
            <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={stale} onClick={() => form.submit()}>
              {t('save')}
            </Button>
          )}
        </Space>
      </div>
      {stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('conflictTitle')} description={t('conflictBody')}
          action={<Button size="small" onClick={load}>{t('reload')}</Button>} />
      )}
      {lock && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('approvalLockedTitle', { label: localize(lock.label, locale, lock.approval) })}
          description={t('approvalLockedBody')}
          action={<Button size="small" onClick={() => setActiveTab(APPROVALS_TAB)}>{t('approvals')}</Button>} />
      )}
      {!canSave && !lock && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('readOnlyRecord', { entity: entityLabel })} />
      )}
      <Card className="sc-card">
        <RecordForm
          // A saved or reloaded version starts a fresh form with the server's values (formulas included).
          key={String(loaded.record.version ?? 'new')}
          entity={entity}
          form={formDefinition}
          formInstance={form}
          initialValues={loaded.record}
          refs={loaded.refs}
          searchLookup={api.searchLookup}
          serverErrors={serverErrors}
          disabled={saving || !canSave}
          readOnlyFields={readOnlyFields(entity.name)}
          ownerEditable={ownerEditable}
          onSubmit={save}
          renderRelatedList={(list) => <RelatedList list={list} parentId={id} />}
          activeTab={activeTab}
          onActiveTabChange={setActiveTab}
          extraTabs={id ? [
            // Only entities with approvals (or a request from one since removed) get the tab.
            ...(approvals?.available.length || approvals?.items.length || approvalsError !== undefined ? [{
              key: APPROVALS_TAB,
              label: t('approvals'),
              children: <ApprovalsPanel entity={entity.name} id={id} approvals={approvals} error={approvalsError} onChanged={refresh} onRetry={reloadApprovals} />,
            }] : []),
            {
              key: HISTORY_TAB,
              label: t('history'),
              // Keyed by version: a save adds an entry, so the tab reloads.
              children: <HistoryPanel key={String(loaded.record.version)} entity={entity} id={id} />,
            },
          ] : []}
        />
      </Card>
    </div>
  );
}
