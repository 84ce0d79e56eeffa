/**
 * Home page widget: published evaluation rounds closing this week, and closed
 * rounds still waiting for their "what changed" follow-up, each linking to the
 * round's results page.
 */
import type { OverviewRound } from '@ritme/shared';
import { Flex, Typography } from '@strapi/design-system';
import { PLUGIN_ID } from '../pluginId';
import { type MessageKey, useFormatDate, useT } from '../utils/useT';
import { type AttentionItem, AttentionList, PartView } from './AttentionList';
import { useOverviewPart } from './useOverviewPart';

const roundLink = (documentId: string) => `/plugins/${PLUGIN_ID}/rounds/${documentId}`;

function RoundGroup({
  heading,
  group,
  detail,
}: {
  heading: string;
  group: { total: number; items: OverviewRound[] };
  detail: (round: OverviewRound) => string;
}) {
  const t = useT();
  const items: AttentionItem[] = group.items.map((round) => ({
    key: round.documentId,
    label: round.title,
    detail: detail(round),
    to: roundLink(round.documentId),
  }));
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="section">
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {heading}
      </Typography>
      <AttentionList items={items} empty="" />
      {group.total > group.items.length && (
        <Typography variant="pi" textColor="neutral600">
          {t('ritme.home.rounds.more', { count: group.total - group.items.length })}
        </Typography>
      )}
    </Flex>
  );
}

export function RoundsWidget() {
  const t = useT();
  const formatDate = useFormatDate();
  const part = useOverviewPart('rounds');
  const closes = (key: MessageKey) => (round: OverviewRound) => t(key, { date: formatDate(round.closesAt, true) });
  return (
    <PartView part={part}>
      {({ withinDays, closingSoon, awaitingFollowUp }) =>
        closingSoon.total + awaitingFollowUp.total === 0 ? (
          <AttentionList items={[]} empty={t('ritme.home.rounds.empty')} />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            {closingSoon.total > 0 && (
              <RoundGroup
                heading={t('ritme.home.rounds.closingSoon', { count: closingSoon.total, days: withinDays })}
                group={closingSoon}
                detail={closes('ritme.home.rounds.closes')}
              />
            )}
            {awaitingFollowUp.total > 0 && (
              <RoundGroup
                heading={t('ritme.home.rounds.awaitingFollowUp', { count: awaitingFollowUp.total })}
                group={awaitingFollowUp}
                detail={closes('ritme.home.rounds.closed')}
              />
            )}
          </Flex>
        )
      }
    </PartView>
  );
}
