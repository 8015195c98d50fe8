import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters live in the address so a filtered list survives reloads and the back button.
 * `update` sets the given keys (an empty value removes one) and returns to the first page
 * by clearing `offset`.
 */
export function useSearchParamsUpdate() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: Record<string, string>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries({ offset: '', ...patch })) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { params, setParams, update };
}
