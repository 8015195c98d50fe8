import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';

export const PAGE_SIZE = 25;

/**
 * Filters and page live in the address, so a filtered list can be shared, reloaded and returned to
 * with the back button. Changing a filter goes back to the first page.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const setFilter = useCallback(
    (key: K, value: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setPage = useCallback(
    (p: number) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (p > 1) next.set('page', String(p));
        else next.delete('page');
        return next;
      }),
    [setParams],
  );

  return { values, page, offset: (page - 1) * PAGE_SIZE, setFilter, setPage };
}

/** A search box that shows what is typed at once and updates the address (and the query) after a pause. */
export function useDebouncedSearch(value: string, onChange: (value: string) => void) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback((v: string) => onChange(v.trim()), 350);
  return {
    value: text,
    onChange: (v: string) => {
      setText(v);
      commit(v);
    },
  };
}
