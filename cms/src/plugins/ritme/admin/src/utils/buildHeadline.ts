/**
 * One line for the intranet's build state — live, building, failed, not
 * configured, not answering — with its colour. The Live panel and the home
 * page's build widget say it the same way.
 */
import type { BuildStatus } from '@ritme/shared';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useT } from './useT';

export type Tone = 'neutral800' | 'danger600' | 'warning600' | 'success600' | 'neutral600';

/** "12 seconds ago", "3 minutes ago", "yesterday". */
export function useAgo() {
  const { formatRelativeTime } = useIntl();
  return React.useCallback(
    (iso: string | null | undefined) => {
      if (!iso) return '—';
      const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 60) return formatRelativeTime(seconds, 'second', { numeric: 'auto' });
      if (abs < 3600) return formatRelativeTime(Math.round(seconds / 60), 'minute', { numeric: 'auto' });
      if (abs < 86_400) return formatRelativeTime(Math.round(seconds / 3600), 'hour', { numeric: 'auto' });
      return formatRelativeTime(Math.round(seconds / 86_400), 'day', { numeric: 'auto' });
    },
    [formatRelativeTime],
  );
}

/** Failed since the build that is live (or with none live yet). */
const failedLast = (status: BuildStatus) =>
  Boolean(
    status.lastFailure &&
      (!status.current || Date.parse(status.lastFailure.at) >= Date.parse(status.current.finishedAt)),
  );

export function useBuildHeadline(status: BuildStatus | null | undefined, error: string | null) {
  const t = useT();
  const ago = useAgo();
  if (error) return { headline: error, tone: 'danger600' as Tone };
  if (!status) return { headline: t('ritme.live.loading'), tone: 'neutral600' as Tone };
  if (!status.configured) return { headline: t('ritme.live.notConfigured'), tone: 'neutral600' as Tone };
  if (!status.reachable) return { headline: t('ritme.live.unreachable'), tone: 'warning600' as Tone };
  if (status.building) {
    return {
      headline: t('ritme.live.building', { build: status.building.id, ago: ago(status.building.startedAt) }),
      tone: 'neutral800' as Tone,
    };
  }
  if (failedLast(status) && status.lastFailure) {
    const headline = status.current
      ? t('ritme.live.failed', { reason: status.lastFailure.reason, build: status.current.id })
      : t('ritme.live.failedNoneLive', { reason: status.lastFailure.reason });
    return { headline, tone: 'danger600' as Tone };
  }
  if (status.current) {
    return {
      headline: t('ritme.live.live', {
        build: status.current.id,
        ago: ago(status.current.finishedAt),
        pages: status.current.pagesChanged,
      }),
      tone: 'success600' as Tone,
    };
  }
  return { headline: t('ritme.live.noBuildYet'), tone: 'neutral800' as Tone };
}
