/**
 * "Live": what the intranet shows now, on the co-design page. The build
 * service's current build (and how long ago, how many pages changed), a build
 * in progress, the last failure, or that no build service is configured or
 * answering; "Rebuild now" for editors with the build.rebuild permission.
 */
import type { BuildStatus } from '@ritme/shared';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { errorMessage, useRitmeApi } from '../api';
import type { BuildStatusState } from '../utils/useBuildStatus';
import { type MessageKey, useFormatDate, useT } from '../utils/useT';

const REASONS: Record<string, MessageKey> = {
  'round-opens': 'ritme.live.reason.round-opens',
  'round-closes': 'ritme.live.reason.round-closes',
  'session-starts': 'ritme.live.reason.session-starts',
  'session-ends': 'ritme.live.reason.session-ends',
  'week-turns': 'ritme.live.reason.week-turns',
};

/** "12 seconds ago", "3 minutes ago", "yesterday". */
function useAgo() {
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

interface Props extends BuildStatusState {
  canRebuild: boolean;
}

export function LivePanel({ status, error, refresh, canRebuild }: Props) {
  const t = useT();
  const ago = useAgo();
  const formatDate = useFormatDate();
  const api = useRitmeApi();
  const { toggleNotification } = useNotification();
  const [asking, setAsking] = React.useState(false);
  // Re-render each few seconds so "12 seconds ago" keeps counting.
  const [, tick] = React.useState(0);
  React.useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 5000);
    return () => clearInterval(timer);
  }, []);

  const rebuild = async () => {
    setAsking(true);
    try {
      await api.rebuild();
      toggleNotification({ type: 'success', message: t('ritme.live.rebuildAsked') });
      await refresh();
    } catch (caught) {
      toggleNotification({ type: 'danger', title: t('ritme.live.rebuildFailed'), message: errorMessage(caught) });
    } finally {
      setAsking(false);
    }
  };

  let headline: string;
  let tone: 'neutral800' | 'danger600' | 'warning600' | 'success600' | 'neutral600' = 'neutral800';
  const details: string[] = [];
  if (error) {
    headline = error;
    tone = 'danger600';
  } else if (!status) {
    headline = t('ritme.live.loading');
    tone = 'neutral600';
  } else if (!status.configured) {
    headline = t('ritme.live.notConfigured');
    tone = 'neutral600';
    if (status.deployHook) details.push(t('ritme.live.deployHookOnly'));
  } else if (!status.reachable) {
    headline = t('ritme.live.unreachable');
    tone = 'warning600';
  } else if (status.building) {
    headline = t('ritme.live.building', { build: status.building.id, ago: ago(status.building.startedAt) });
  } else if (failedLast(status) && status.lastFailure) {
    headline = status.current
      ? t('ritme.live.failed', { reason: status.lastFailure.reason, build: status.current.id })
      : t('ritme.live.failedNoneLive', { reason: status.lastFailure.reason });
    tone = 'danger600';
  } else if (status.current) {
    headline = t('ritme.live.live', {
      build: status.current.id,
      ago: ago(status.current.finishedAt),
      pages: status.current.pagesChanged,
    });
    tone = 'success600';
  } else {
    headline = t('ritme.live.noBuildYet');
  }
  if (status?.reachable && status.building && status.current) {
    details.push(t('ritme.live.stillShows', { build: status.current.id }));
  }
  if (status?.reachable && status.nextClockBuild) {
    const reason = REASONS[status.nextClockBuild.reason];
    details.push(
      t('ritme.live.nextClock', {
        at: formatDate(status.nextClockBuild.at, true),
        reason: reason ? t(reason) : status.nextClockBuild.reason,
      }),
    );
  }
  if (status?.lastNotifiedAt) details.push(t('ritme.live.lastNotified', { ago: ago(status.lastNotifiedAt) }));
  const canAsk = canRebuild && Boolean(status && (status.configured || status.deployHook));

  return (
    <Box
      tag="section"
      aria-labelledby="ritme-live"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={5}
      marginTop={6}
    >
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="delta" tag="h2" id="ritme-live">
            {t('ritme.live.title')}
          </Typography>
          <Typography fontWeight="bold" textColor={tone} aria-live="polite">
            {headline}
          </Typography>
          {details.map((line) => (
            <Typography key={line} variant="pi" textColor="neutral600">
              {line}
            </Typography>
          ))}
        </Flex>
        {canAsk && (
          <Button
            variant="secondary"
            startIcon={<ArrowClockwise />}
            loading={asking}
            disabled={asking || Boolean(status?.building)}
            onClick={() => void rebuild()}
          >
            {t('ritme.live.rebuild')}
          </Button>
        )}
      </Flex>
    </Box>
  );
}
