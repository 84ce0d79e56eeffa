/**
 * What pilots see besides published content: the drafts with "Share with
 * pilots" on, each linked to its entry in the Content Manager (where the
 * switch is), with per language whether it was ever published.
 */
import type { ContentRoute, SharedDraft } from '@ritme/shared';
import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import * as React from 'react';
import { NavLink } from 'react-router-dom';
import { errorMessage, useRitmeApi } from '../api';
import { type MessageKey, useFormatDate, useT } from '../utils/useT';

const ROUTE_LABEL: Record<ContentRoute, MessageKey> = {
  groups: 'ritme.shared.route.groups',
  behaviours: 'ritme.shared.route.behaviours',
  trainings: 'ritme.shared.route.trainings',
  people: 'ritme.shared.route.people',
  spotlights: 'ritme.shared.route.spotlights',
  'evaluation-rounds': 'ritme.shared.route.evaluation-rounds',
};

const editPath = (draft: SharedDraft, locale: string) =>
  `/content-manager/collection-types/${draft.uid}/${draft.documentId}?plugins[i18n][locale]=${locale}`;

export function SharedDraftsPanel() {
  const t = useT();
  const formatDate = useFormatDate();
  const api = useRitmeApi();
  const [drafts, setDrafts] = React.useState<SharedDraft[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    api.sharedDrafts().then(
      (found) => setDrafts(found),
      (caught: unknown) => setError(errorMessage(caught)),
    );
  }, [api]);

  let body: React.ReactNode;
  if (error) body = <Typography textColor="danger600">{error}</Typography>;
  else if (!drafts) body = <Typography textColor="neutral600">{t('ritme.shared.loading')}</Typography>;
  else if (drafts.length === 0) body = <Typography textColor="neutral600">{t('ritme.shared.empty')}</Typography>;
  else
    body = (
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
        {drafts.map((draft) => (
          <Flex tag="li" key={`${draft.route}:${draft.documentId}`} gap={2} wrap="wrap" alignItems="baseline">
            <Typography variant="pi" textColor="neutral600">
              {t(ROUTE_LABEL[draft.route])}
            </Typography>
            <Link tag={NavLink} to={editPath(draft, draft.locales[0]?.locale ?? 'nl')}>
              {draft.title || t('ritme.shared.untitled')}
            </Link>
            {draft.locales.map(({ locale, status }) => (
              <Badge key={locale} active={status !== 'published'}>
                {`${locale.toUpperCase()}: ${t(`ritme.shared.status.${status}`)}`}
              </Badge>
            ))}
            <Typography variant="pi" textColor="neutral600">
              {t('ritme.shared.updated', { date: formatDate(draft.updatedAt, true) })}
            </Typography>
          </Flex>
        ))}
      </Flex>
    );

  return (
    <Box
      tag="section"
      aria-labelledby="ritme-shared-drafts"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={5}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2" id="ritme-shared-drafts">
          {t('ritme.shared.title')}
        </Typography>
        <Typography textColor="neutral600">{t('ritme.shared.intro')}</Typography>
        {body}
      </Flex>
    </Box>
  );
}
