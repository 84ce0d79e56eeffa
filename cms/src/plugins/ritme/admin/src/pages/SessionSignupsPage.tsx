/**
 * One session's sign-ups in the order they came: name, address, confirmed or
 * the place on the waiting list, when; and the list as a CSV file to download.
 */
import type { AdminSessionSignups, AdminSignup } from '@ritme/shared';
import {
  Badge,
  Box,
  Button,
  Flex,
  LinkButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowLeft, Download } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useParams } from 'react-router-dom';
import { errorMessage, useRitmeApi } from '../api';
import { Empty, LoadError, Loading } from '../components/LoadStates';
import { PLUGIN_ID } from '../pluginId';
import { type Translate, useFormatDate, useT } from '../utils/useT';
import { seatsText } from './SignupsPage';

function statusOf(t: Translate, signup: AdminSignup) {
  if (signup.status === 'waiting') return t('ritme.signups.status.waiting', { position: signup.position ?? 0 });
  return t(signup.status === 'confirmed' ? 'ritme.signups.status.confirmed' : 'ritme.signups.status.cancelled');
}

/** Saves `blob` as `filename` through a temporary link. */
function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SessionSignupsPage() {
  const t = useT();
  const api = useRitmeApi();
  const { locale } = useIntl();
  const formatDate = useFormatDate();
  const { toggleNotification } = useNotification();
  const { documentId = '' } = useParams();
  const [found, setFound] = React.useState<AdminSessionSignups | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [exporting, setExporting] = React.useState(false);

  const load = React.useCallback(async () => {
    try {
      setFound(await api.sessionSignups(documentId, locale));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [api, documentId, locale]);
  React.useEffect(() => {
    void load();
  }, [load]);

  const exportCsv = async () => {
    if (!found) return;
    setExporting(true);
    try {
      save(
        await api.sessionSignupsCsv(documentId, locale),
        `signups-${found.session.startsAt.slice(0, 10)}-${documentId}.csv`,
      );
    } catch (caught) {
      toggleNotification({
        type: 'danger',
        message: t('ritme.signups.export.failed', { reason: errorMessage(caught) }),
      });
    } finally {
      setExporting(false);
    }
  };

  const back = (
    <LinkButton tag={NavLink} to={`/plugins/${PLUGIN_ID}/signups`} variant="tertiary" startIcon={<ArrowLeft />}>
      {t('ritme.signups.back')}
    </LinkButton>
  );
  let content: React.ReactNode;
  if (error) content = <LoadError message={error} onRetry={() => void load()} />;
  else if (!found) content = <Loading label={t('ritme.signups.loadingOne')} />;
  else if (found.signups.length === 0)
    content = <Empty icon={<Download width="6rem" height="6rem" />} content={t('ritme.signups.none')} />;
  else
    content = (
      <Box background="neutral0" hasRadius shadow="tableShadow">
        <Table colCount={4} rowCount={found.signups.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('ritme.signups.column.name')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('ritme.signups.column.email')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('ritme.signups.column.status')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('ritme.signups.column.signedUpAt')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {found.signups.map((signup) => (
              <Tr key={signup.documentId}>
                <Td>
                  <Typography>{signup.name}</Typography>
                </Td>
                <Td>
                  <Typography>{signup.email}</Typography>
                </Td>
                <Td>
                  <Badge active={signup.status === 'confirmed'}>{statusOf(t, signup)}</Badge>
                </Td>
                <Td>
                  <Typography>{formatDate(signup.signedUpAt, true)}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
    );

  const title = found ? found.session.title || t('ritme.signups.untitled') : t('ritme.signups.title');
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={back}
        title={title}
        subtitle={
          found
            ? `${formatDate(found.session.startsAt, true)} · ${seatsText(t, found.session)} · ${t('ritme.signups.waitingCount', { count: found.session.waiting })}`
            : undefined
        }
        primaryAction={
          <Flex gap={2}>
            <Button
              startIcon={<Download />}
              onClick={() => void exportCsv()}
              loading={exporting}
              disabled={!found || found.signups.length === 0}
            >
              {t('ritme.signups.export')}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>{content}</Layouts.Content>
    </Page.Main>
  );
}
