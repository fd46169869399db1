/**
 * Switches between an entity's list views and its pipeline board, on the list
 * page and on the board, so the board is one click away from the list.
 */
import { Segmented } from 'antd';
import type { EntityDefinition } from '../../../schemas/entity.js';
import { localize } from '../../../runtime/ui/labels.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { navigate } from '../router.js';
import { useTenant } from '../shell/TenantContext.js';
import { boardOf, listViews } from './entityViews.js';

/** The value of the board among the options. */
export const BOARD = '__board__';

/** `current` is a list view's name, or BOARD. */
export function ViewSwitch({ entity, current }: { entity: EntityDefinition; current?: string }) {
  const { manifest, path } = useTenant();
  const { locale, t } = useLocale();
  const { views, defaultView } = listViews(manifest, entity.name);
  const board = boardOf(manifest, entity.name);
  const options = views.map((v) => ({ value: v.name, label: localize(v.label, locale, v.name) }));
  if (board) {
    const label = board.view ? localize(board.view.label, locale) : t('boardOf', { entity: localize(entity.label, locale) });
    options.push({ value: BOARD, label });
  }
  if (options.length < 2) return null;
  const go = (name: string) => {
    if (name === BOARD) navigate(`${path(entity.name)}/board`);
    // Between list views the URL is replaced (as the list's own filters are); to or from the board it is a new page.
    else navigate(`${path(entity.name)}${name !== defaultView?.name ? `?view=${encodeURIComponent(name)}` : ''}`, { replace: current !== BOARD });
  };
  return <Segmented value={current} onChange={go} options={options} />;
}
