/**
 * What a page shows from one request: `data` once it came (null while
 * loading), `error` with the reason when it failed, `reload` to ask again,
 * `setData` for an answer that replaces it (after an action).
 * `load` must be stable (a useCallback): it is asked again when it changes.
 */
import * as React from 'react';
import { errorMessage } from '../api';

export function useLoaded<T>(load: () => Promise<T>) {
  const [data, setData] = React.useState<T | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const reload = React.useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [load]);
  React.useEffect(() => {
    void reload();
  }, [reload]);
  return { data, setData, error, reload };
}
