/**
 * A page of records as a table: columns from a view (or the entity's first
 * fields), sorting and paging done by the server, and a filter bar. It is
 * controlled: the host owns the query state and loads the page.
 */
import { Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { EntityDefinition } from '../../schemas/entity.js';
import { FieldDisplay } from './FieldDisplay.js';
import { FilterBar } from './FilterBar.js';
import { titleOf } from './fields.js';
import { localize } from './labels.js';
import { isNumeric, isSortable, listColumns, primarySort } from './listColumns.js';
import { useRenderer, useUiText } from './RendererContext.js';
import type { ListQueryState, RecordData, RecordPage } from './types.js';

export interface RecordListProps {
  entity: EntityDefinition;
  /** Column field names, e.g. from a list view definition. */
  columns?: readonly string[];
  page?: RecordPage;
  loading?: boolean;
  query: ListQueryState;
  onQueryChange: (next: ListQueryState) => void;
  onOpen?: (record: RecordData) => void;
  /** Extra controls at the right end of the filter bar (e.g. "New"). */
  toolbar?: ReactNode;
}

export function RecordList({ entity, columns: viewColumns, page, loading, query, onQueryChange, onOpen, toolbar }: RecordListProps) {
  const { locale } = useRenderer();
  const t = useUiText();
  const fields = useMemo(() => listColumns(entity, viewColumns), [entity, viewColumns]);
  const sorted = primarySort(query.sort);

  const columns: TableColumnsType<RecordData> = fields.map((field) => ({
    key: field.name,
    dataIndex: field.name,
    title: localize(field.label, locale),
    align: isNumeric(field) ? 'right' : undefined,
    ellipsis: field.type === 'text' || field.type === 'lookup',
    sorter: isSortable(field),
    sortOrder: sorted?.field === field.name ? sorted.order : null,
    render: (value: unknown, record: RecordData) =>
      field.name === entity.titleField ? (
        <Typography.Link strong onClick={(e) => { e.stopPropagation(); onOpen?.(record); }}>{titleOf(entity, record)}</Typography.Link>
      ) : (
        <FieldDisplay field={field} value={value} refs={page?.refs} />
      ),
  }));

  const onChange: TableProps<RecordData>['onChange'] = (pagination, _filters, sorter, extra) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = one?.order && one.columnKey ? `${one.order === 'descend' ? '-' : ''}${String(one.columnKey)}` : '-updatedAt';
    // A new sort starts again at page 1; paging keeps the sort.
    const pageNo = extra.action === 'sort' ? 1 : pagination.current ?? 1;
    onQueryChange({ ...query, sort, page: pageNo, pageSize: pagination.pageSize ?? query.pageSize });
  };

  return (
    <div className="sc-record-list">
      <div className="sc-list-toolbar">
        <FilterBar entity={entity} q={query.q} filters={query.filters} preferredFields={fields.map((f) => f.name)}
          onChange={({ q, filters }) => onQueryChange({ ...query, q, filters, page: 1 })} />
        {toolbar && <div className="sc-list-toolbar-extra">{toolbar}</div>}
      </div>
      <Table<RecordData>
        rowKey={(r) => String(r.id)}
        size="middle"
        columns={columns}
        dataSource={page?.items ?? []}
        loading={loading}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('empty') }}
        onRow={(record) => ({ onClick: () => onOpen?.(record), style: { cursor: onOpen ? 'pointer' : undefined } })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('total', { total }),
        }}
      />
    </div>
  );
}
