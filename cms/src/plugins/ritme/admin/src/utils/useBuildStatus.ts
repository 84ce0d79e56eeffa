/**
 * The intranet's build state (GET /ritme/build-status), refreshed every few
 * seconds while a build runs and every half minute otherwise. Off (null)
 * without the build.read permission.
 */
import type { BuildStatus } from '@ritme/shared';
import * as React from 'react';
import { errorMessage, useRitmeApi } from '../api';

const WHILE_BUILDING_MS = 3000;
const OTHERWISE_MS = 30_000;

export interface BuildStatusState {
  status: BuildStatus | null;
  error: string | null;
  refresh: () => Promise<void>;
}

export function useBuildStatus(enabled: boolean): BuildStatusState {
  const api = useRitmeApi();
  const [status, setStatus] = React.useState<BuildStatus | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const refresh = React.useCallback(async () => {
    if (!enabled) return;
    try {
      setStatus(await api.buildStatus());
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [api, enabled]);

  const building = Boolean(status?.building);
  React.useEffect(() => {
    if (!enabled) return;
    void refresh();
    const timer = setInterval(() => void refresh(), building ? WHILE_BUILDING_MS : OTHERWISE_MS);
    return () => clearInterval(timer);
  }, [enabled, building, refresh]);

  return { status, error, refresh };
}
