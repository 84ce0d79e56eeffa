/**
 * "Live": what the intranet shows now, on the co-design page. The build
 * service's current build (and how long ago, how many pages changed), a build
 * in progress, the last failure, or that no build service is configured or
 * answering; "Rebuild now" for editors with the build.rebuild permission.
 */
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { errorMessage, useRitmeApi } from '../api';
import { useAgo, useBuildHeadline } from '../utils/buildHeadline';
import type { BuildStatusState } from '../utils/useBuildStatus';
import { type MessageKey, useFormatDate, useT } from '../utils/useT';

const REASONS: Record<string, MessageKey> = {
  'round-opens': 'ritme.live.reason.round-opens',
  'round-closes': 'ritme.live.reason.round-closes',
  'session-starts': 'ritme.live.reason.session-starts',
  'session-ends': 'ritme.live.reason.session-ends',
  'week-turns': 'ritme.live.reason.week-turns',
};

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

  const { headline, tone } = useBuildHeadline(status, error);
  const details: string[] = [];
  if (!error && status && !status.configured && status.deployHook) details.push(t('ritme.live.deployHookOnly'));
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
