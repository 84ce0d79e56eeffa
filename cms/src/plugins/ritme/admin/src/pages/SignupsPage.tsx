/** Training sessions and their sign-ups: seats, confirmed, waiting; upcoming first, each linked to its list. */
import type { AdminSignupSession } from '@ritme/shared';
import { Badge, Box, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Calendar } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { errorMessage, useRitmeApi } from '../api';
import { Empty, LoadError, Loading } from '../components/LoadStates';
import { PLUGIN_ID } from '../pluginId';
import { type Translate, useFormatDate, useT } from '../utils/useT';

export function seatsText(t: Translate, session: AdminSignupSession) {
  if (session.seats === null) return t('ritme.signups.seats.unlimited', { confirmed: session.confirmed });
  return t('ritme.signups.seats.of', { confirmed: session.confirmed, seats: session.seats });
}

export function SignupsPage() {
  const t = useT();
  const api = useRitmeApi();
  const { locale } = useIntl();
  const formatDate = useFormatDate();
  const [sessions, setSessions] = React.useState<AdminSignupSession[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    try {
      setSessions(await api.signupSessions(locale));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [api, locale]);
  React.useEffect(() => {
    void load();
  }, [load]);

  let content: React.ReactNode;
  if (error) content = <LoadError message={error} onRetry={() => void load()} />;
  else if (!sessions) content = <Loading label={t('ritme.signups.loading')} />;
  else if (sessions.length === 0)
    content = <Empty icon={<Calendar width="6rem" height="6rem" />} content={t('ritme.signups.empty')} />;
  else
    content = (
      <Box background="neutral0" hasRadius shadow="tableShadow">
        <Table colCount={4} rowCount={sessions.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('ritme.signups.column.session')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('ritme.signups.column.when')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('ritme.signups.column.seats')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('ritme.signups.column.waiting')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {sessions.map((session) => (
              <Tr key={session.documentId}>
                <Td>
                  <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/signups/${session.documentId}`}>
                    {session.title || t('ritme.signups.untitled')}
                  </Link>
                </Td>
                <Td>
                  <Typography>{formatDate(session.startsAt, true)}</Typography>{' '}
                  {!session.open && <Badge>{t('ritme.signups.past')}</Badge>}
                </Td>
                <Td>
                  <Typography>{seatsText(t, session)}</Typography>
                </Td>
                <Td>
                  <Typography>{session.waiting}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
    );

  return (
    <Page.Main>
      <Page.Title>{t('ritme.signups.title')}</Page.Title>
      <Layouts.Header title={t('ritme.signups.title')} subtitle={t('ritme.signups.subtitle')} />
      <Layouts.Content>{content}</Layouts.Content>
    </Page.Main>
  );
}
