/**
 * The UI language: Chinese by default, English on request, remembered in
 * localStorage so a rep who switched once is not switched back on reload.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { UiLocale } from '../../../runtime/ui/types.js';
import { shellMessages, type ShellKey } from './messages.js';

const STORAGE_KEY = 'stagecraft.locale';

function storedLocale(): UiLocale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage can be blocked (private mode); the default still works
  }
}

const applyDayjs = (locale: UiLocale) => dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');

interface LocaleState {
  locale: UiLocale;
  setLocale: (locale: UiLocale) => void;
  t: (key: ShellKey, vars?: Record<string, string | number>) => string;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<UiLocale>(() => {
    const initial = storedLocale();
    applyDayjs(initial);
    return initial;
  });
  const setLocale = useCallback((next: UiLocale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* not remembered, but still switched */
    }
    applyDayjs(next);
    document.documentElement.lang = next;
    setState(next);
  }, []);
  const value = useMemo<LocaleState>(() => ({
    locale,
    setLocale,
    t: (key, vars = {}) => shellMessages[locale][key].replace(/\{(\w+)\}/g, (_, n: string) => String(vars[n] ?? '')),
  }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}
