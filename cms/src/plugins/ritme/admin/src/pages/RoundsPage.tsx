/** The evaluation rounds: each one's state and answers so far against its minimum, linked to its results. */
import { Box, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ChartPie } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { useRitmeApi } from '../api';
import { Empty, LoadError, Loading } from '../components/LoadStates';
import { AnswerCount, RoundStateBadge } from '../components/RoundState';
import { PLUGIN_ID } from '../pluginId';
import { useLoaded } from '../utils/useLoaded';
import { useFormatDate, useT } from '../utils/useT';

export function RoundsPage() {
  const t = useT();
  const api = useRitmeApi();
  const { locale } = useIntl();
  const formatDate = useFormatDate();
  const { data: rounds, error, reload } = useLoaded(React.useCallback(() => api.rounds(locale), [api, locale]));

  let content: React.ReactNode;
  if (error) content = <LoadError message={error} onRetry={() => void reload()} />;
  else if (!rounds) content = <Loading label={t('ritme.rounds.loading')} />;
  else if (rounds.length === 0)
    content = <Empty icon={<ChartPie width="6rem" height="6rem" />} content={t('ritme.rounds.empty')} />;
  else
    content = (
      <Box background="neutral0" hasRadius shadow="tableShadow">
        <Table colCount={4} rowCount={rounds.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('ritme.rounds.column.title')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('ritme.rounds.column.state')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('ritme.rounds.column.window')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('ritme.rounds.column.answers')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rounds.map((round) => (
              <Tr key={round.documentId}>
                <Td>
                  <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/rounds/${round.documentId}`}>
                    {round.title || t('ritme.rounds.untitled')}
                  </Link>
                </Td>
                <Td>
                  <RoundStateBadge state={round.state} />
                </Td>
                <Td>
                  <Typography>
                    {formatDate(round.opensAt, true)} – {formatDate(round.closesAt, true)}
                  </Typography>
                </Td>
                <Td>
                  <AnswerCount round={round} />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
    );

  return (
    <Page.Main>
      <Page.Title>{t('ritme.rounds.title')}</Page.Title>
      <Layouts.Header title={t('ritme.rounds.title')} subtitle={t('ritme.rounds.subtitle')} />
      <Layouts.Content>{content}</Layouts.Content>
    </Page.Main>
  );
}
