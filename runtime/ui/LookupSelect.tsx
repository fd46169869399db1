/**
 * Picks a record of another entity by searching its title on the server.
 * The host supplies `searchLookup`, so the same picker works against the live
 * API in the app and against sample data in the builder's preview.
 */
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useUiText } from './RendererContext.js';
import type { LookupOption, SearchLookup } from './types.js';

export interface LookupSelectProps {
  id?: string;
  target: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Title of the current value, known from the record's refs. */
  initialLabel?: string;
  searchLookup: SearchLookup;
  disabled?: boolean;
  status?: 'error' | 'warning';
}

const DEBOUNCE_MS = 250;

export function LookupSelect({ id, target, value, onChange, initialLabel, searchLookup, disabled, status }: LookupSelectProps) {
  const t = useUiText();
  const [options, setOptions] = useState<LookupOption[]>([]);
  const [searching, setSearching] = useState(false);
  const [chosen, setChosen] = useState<LookupOption | undefined>();
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const run = (q: string) => {
    const ticket = ++latest.current;
    setSearching(true);
    searchLookup(target, q)
      .then((found) => {
        // Answers can arrive out of order; only the newest search may fill the list.
        if (ticket === latest.current) setOptions(found);
      })
      .catch(() => {
        if (ticket === latest.current) setOptions([]);
      })
      .finally(() => {
        if (ticket === latest.current) setSearching(false);
      });
  };

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => run(q.trim()), DEBOUNCE_MS);
  };

  // The current value must keep its title even when it is not among the search results.
  const merged = useMemo(() => {
    const current: LookupOption | undefined =
      value ? (chosen?.value === value ? chosen : { value, label: initialLabel ?? value }) : undefined;
    return current && !options.some((o) => o.value === current.value) ? [current, ...options] : options;
  }, [value, chosen, initialLabel, options]);

  return (
    <Select<string, LookupOption>
      id={id}
      value={value ?? undefined}
      options={merged}
      allowClear
      disabled={disabled}
      status={status}
      placeholder={t('searchToFind')}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => {
        if (open && options.length === 0) run('');
      }}
      onChange={(next, option) => {
        setChosen(Array.isArray(option) ? undefined : option);
        onChange?.(next ?? null);
      }}
      notFoundContent={searching ? <Spin size="small" /> : t('noMatches')}
      style={{ width: '100%' }}
    />
  );
}
