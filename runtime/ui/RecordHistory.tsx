/**
 * A record's audit trail, newest first: who, when, through which channel, and
 * per field the old and the new value, formatted like the field itself (option
 * labels, amounts, looked-up titles, user names). The host loads the entries.
 */
import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { EntityDefinition, FieldDefinition } from '../../schemas/entity.js';
import { FieldDisplay } from './FieldDisplay.js';
import { fieldMap } from './fields.js';
import { formatDateTime } from './format.js';
import { localize } from './labels.js';
import type { MessageKey } from './messages.js';
import { useRenderer, useUiText } from './RendererContext.js';
import { systemField } from './systemFields.js';
import type { HistoryEntry, RecordRefs } from './types.js';

export interface RecordHistoryProps {
  entity: EntityDefinition;
  entries: readonly HistoryEntry[];
  /** Titles of records the changed lookup fields point at (see `historyLookupIds`). */
  refs?: RecordRefs;
}

const ACTIONS: Record<string, MessageKey> = { create: 'historyCreate', update: 'historyUpdate', delete: 'historyDelete', transfer: 'historyTransfer' };
const CHANNELS: Record<string, MessageKey> = {
  app: 'channelApp', api: 'channelApi', import: 'channelImport', workflow: 'channelWorkflow', template: 'channelTemplate', builder: 'channelBuilder', cli: 'channelCli',
};
const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', transfer: 'orange' };
/** A creation lists every initial value; past this many it folds. */
const FOLD_AFTER = 6;

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Ids of looked-up records in the entries, by target entity, for the host to fetch their titles. */
export function historyLookupIds(entity: EntityDefinition, entries: readonly HistoryEntry[]): Map<string, Set<string>> {
  const fields = fieldMap(entity);
  const ids = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const change of entry.changes) {
      const field = fields.get(change.field);
      if (field?.type !== 'lookup') continue;
      for (const v of [change.from, change.to]) {
        if (typeof v === 'string' && v) (ids.get(field.target) ?? ids.set(field.target, new Set()).get(field.target)!).add(v);
      }
    }
  }
  return ids;
}

function Value({ field, value, refs }: { field?: FieldDefinition; value: unknown; refs?: RecordRefs }) {
  if (field) return <FieldDisplay field={field} value={value} refs={refs} />;
  if (blank(value)) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</span>;
}

function Entry({ entity, entry, refs }: { entity: EntityDefinition; entry: HistoryEntry; refs?: RecordRefs }) {
  const { locale, timeZone, userNames } = useRenderer();
  const t = useUiText();
  const [unfolded, setUnfolded] = useState(false);
  const fields = fieldMap(entity);
  const order = new Map(entity.fields.map((f, i) => [f.name, i]));
  const fieldOf = (name: string) => fields.get(name) ?? systemField(entity, name);
  const isCreate = entry.action === 'create';
  // A creation's empty fields say nothing; the rest follow the entity's field order.
  const changes = entry.changes
    .filter((c) => !(isCreate && blank(c.to)))
    .sort((a, b) => (order.get(a.field) ?? 1e6) - (order.get(b.field) ?? 1e6));
  const shown = isCreate && !unfolded ? changes.slice(0, FOLD_AFTER) : changes;
  const who = entry.user ? userNames?.[entry.user] ?? entry.user : t('historySystem');
  const action = ACTIONS[entry.action] ? t(ACTIONS[entry.action]) : t('historyOther', { action: entry.action });
  const channel = CHANNELS[entry.channel] ? t(CHANNELS[entry.channel]) : entry.channel;

  return (
    <div className="sc-history-entry" data-action={entry.action}>
      <div className="sc-history-head">
        <Typography.Text strong className="sc-history-user">{who}</Typography.Text>
        <Typography.Text>{action}</Typography.Text>
        <Typography.Text type="secondary" className="sc-history-time">
          <time dateTime={entry.at}>{formatDateTime(entry.at, locale, timeZone)}</time>
        </Typography.Text>
        <Tag variant="filled" className="sc-history-channel">{channel}</Tag>
      </div>
      {entry.action !== 'delete' && changes.length === 0 && (
        <Typography.Text type="secondary">{t('historyNoFieldChanges')}</Typography.Text>
      )}
      {shown.length > 0 && (
        <ul className="sc-history-changes">
          {shown.map((change) => {
            const field = fieldOf(change.field);
            return (
              <li key={change.field} className="sc-history-change" data-field={change.field}>
                <span className="sc-history-field">{field ? localize(field.label, locale, change.field) : change.field}</span>
                <span className="sc-history-values">
                  {!isCreate && (
                    <>
                      <span className="sc-history-from"><Value field={field} value={change.from} refs={refs} /></span>
                      <ArrowRightOutlined className="sc-history-arrow" aria-label="→" />
                    </>
                  )}
                  <span className="sc-history-to"><Value field={field} value={change.to} refs={refs} /></span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {isCreate && changes.length > FOLD_AFTER && (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setUnfolded(!unfolded)}>
          {unfolded ? t('historyShowLess') : t('historyShowAll', { count: changes.length })}
        </Button>
      )}
    </div>
  );
}

export function RecordHistory({ entity, entries, refs }: RecordHistoryProps) {
  const t = useUiText();
  if (entries.length === 0) return <Typography.Text type="secondary">{t('historyEmpty')}</Typography.Text>;
  return (
    <Timeline
      className="sc-history"
      items={entries.map((entry) => ({
        key: entry.id,
        color: ACTION_COLORS[entry.action] ?? 'gray',
        content: <Entry entity={entity} entry={entry} refs={refs} />,
      }))}
    />
  );
}
