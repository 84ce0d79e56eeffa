/**
 * One part of GET /ritme/overview for one home page widget: loading, the data,
 * a refusal (403: the role lost the permission since the page loaded) or
 * another error with a retry.
 */
import type { Overview, OverviewPart } from '@ritme/shared';
import { isFetchError } from '@strapi/strapi/admin';
import * as React from 'react';
import { errorMessage, useRitmeApi } from '../api';

export type PartState<P extends OverviewPart> =
  | { state: 'loading' }
  | { state: 'forbidden' }
  | { state: 'error'; message: string; retry: () => void }
  | { state: 'ready'; data: NonNullable<Overview[P]> };

export function useOverviewPart<P extends OverviewPart>(part: P): PartState<P> {
  const api = useRitmeApi();
  const [result, setResult] = React.useState<PartState<P>>({ state: 'loading' });
  // Only the newest request's answer counts, and none after the widget is gone.
  const latest = React.useRef(0);

  const load = React.useCallback(async () => {
    const request = ++latest.current;
    setResult({ state: 'loading' });
    try {
      const data = (await api.overview(part))[part];
      if (request !== latest.current) return;
      setResult(data ? { state: 'ready', data } : { state: 'forbidden' });
    } catch (caught) {
      if (request !== latest.current) return;
      if (isFetchError(caught) && caught.status === 403) setResult({ state: 'forbidden' });
      else setResult({ state: 'error', message: errorMessage(caught), retry: () => void load() });
    }
  }, [api, part]);

  React.useEffect(() => {
    void load();
    return () => {
      latest.current++;
    };
  }, [load]);

  return result;
}
