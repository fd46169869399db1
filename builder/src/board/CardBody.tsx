/** What a board card shows: the record's title, the view's fields (amount, close date…) and the owner's name. */
import { UserOutlined } from '@ant-design/icons';
import type { EntityDefinition, FieldDefinition } from '../../../schemas/entity.js';
import { FieldDisplay } from '../../../runtime/ui/FieldDisplay.js';
import { titleOf } from '../../../runtime/ui/fields.js';
import { localize } from '../../../runtime/ui/labels.js';
import { useRenderer } from '../../../runtime/ui/RendererContext.js';
import type { RecordData, RecordRefs } from '../../../runtime/ui/types.js';

export interface CardBodyProps {
  entity: EntityDefinition;
  record: RecordData;
  fields: readonly FieldDefinition[];
  refs?: RecordRefs;
}

export function CardBody({ entity, record, fields, refs }: CardBodyProps) {
  const { locale, userNames } = useRenderer();
  const owner = record.owner ? userNames?.[record.owner] ?? record.owner : undefined;
  return (
    <>
      <div className="sc-board-card-title">{titleOf(entity, record)}</div>
      {fields.map((field) => (
        <div key={field.name} className="sc-board-card-field">
          <span className="sc-board-card-label">{localize(field.label, locale)}</span>
          <span className="sc-board-card-value"><FieldDisplay field={field} value={record[field.name]} refs={refs} /></span>
        </div>
      ))}
      {owner && <div className="sc-board-card-owner"><UserOutlined /> {owner}</div>}
    </>
  );
}
