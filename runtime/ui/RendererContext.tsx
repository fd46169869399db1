/**
 * Ambient settings every field needs to render (language, tenant currency and
 * time zone). A context, because threading them through every table cell and
 * form item would obscure the props that actually vary.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { uiText, type MessageKey } from './messages.js';
import type { UiLocale } from './types.js';

export interface RendererSettings {
  locale: UiLocale;
  /** ISO 4217 base currency of the tenant, for currency fields without their own. */
  currency: string;
  /** IANA time zone of the tenant, for datetimes. */
  timeZone: string;
  /** Display names of users by id, where the host knows them. */
  userNames?: Record<string, string>;
  /** Users who can no longer be picked (deactivated); their names still show on old records. */
  inactiveUsers?: ReadonlySet<string>;
}

const RendererContext = createContext<RendererSettings>({ locale: 'zh-CN', currency: 'CNY', timeZone: 'Asia/Shanghai' });

export function RendererProvider({ settings, children }: { settings: RendererSettings; children: ReactNode }) {
  return <RendererContext.Provider value={settings}>{children}</RendererContext.Provider>;
}

export const useRenderer = () => useContext(RendererContext);

/**
 * Users as options of a picker, ordered by name in the UI language (pinyin order in Chinese).
 * Deactivated users are left out unless listed in `keep` (e.g. the current value).
 */
export function userOptions(settings: RendererSettings, keep: readonly string[] = []): { value: string; label: string }[] {
  const collator = new Intl.Collator(settings.locale);
  return Object.entries(settings.userNames ?? {})
    .filter(([id]) => keep.includes(id) || !settings.inactiveUsers?.has(id))
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** The renderer's strings in the current language. */
export function useUiText() {
  const { locale } = useRenderer();
  return (key: MessageKey, vars?: Record<string, string | number>) => uiText(locale, key, vars);
}
