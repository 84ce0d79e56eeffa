/**
 * One round's results: answers so far against the minimum; the answers per
 * question (never per respondent, as the server sends them) once it has
 * closed with enough answers; the "what changed" follow-up in each language;
 * a link to edit the round; and "Close for good" for admins with rounds.close.
 */
import type { AdminRoundDetail, CloseRefusal } from '@ritme/shared';
import { Box, Button, Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { ArrowLeft, Lock, Pencil } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useParams } from 'react-router-dom';
import { errorMessage, useRitmeApi } from '../api';
import { LoadError, Loading } from '../components/LoadStates';
import { AnswerCount, RoundStateBadge } from '../components/RoundState';
import { ScaleChart } from '../components/ScaleChart';
import { PERMISSIONS, PLUGIN_ID } from '../pluginId';
import { useLoaded } from '../utils/useLoaded';
import { type Translate, useFormatDate, useT } from '../utils/useT';

const ROUND_UID = 'plugin::ritme.evaluation-round';

function refusalText(t: Translate, refusal: CloseRefusal): string {
  if (refusal.reason === 'follow_up_missing') {
    return t('ritme.rounds.close.followUpMissing', { locales: refusal.locales.join(', ') });
  }
  return t(refusal.reason === 'not_closed' ? 'ritme.rounds.close.notClosed' : 'ritme.rounds.close.already');
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = React.useId();
  return (
    <Box tag="section" aria-labelledby={id} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography id={id} tag="h2" variant="delta">
          {title}
        </Typography>
        {children}
      </Flex>
    </Box>
  );
}

function Results({ round }: { round: AdminRoundDetail }) {
  const t = useT();
  const { results } = round;
  if (!results.available) {
    return (
      <Section title={t('ritme.rounds.results')}>
        <Typography>
          {results.reason === 'below_minimum'
            ? t('ritme.rounds.hidden.belowMinimum', { count: round.responses, minimum: results.minimum })
            : t('ritme.rounds.hidden.notClosed', { minimum: results.minimum })}
        </Typography>
      </Section>
    );
  }
  return (
    <Section title={t('ritme.rounds.results')}>
      <Typography textColor="neutral600">{t('ritme.rounds.results.note')}</Typography>
      {results.questions.map((question) => (
        <Box key={question.key} tag="section" aria-label={question.label}>
          <Typography tag="h3" variant="epsilon" fontWeight="bold">
            {question.label}
          </Typography>
          {question.kind === 'scale' && question.counts ? (
            <ScaleChart counts={question.counts} />
          ) : question.answers.length === 0 ? (
            <Typography textColor="neutral600">{t('ritme.rounds.results.noAnswers')}</Typography>
          ) : (
            <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
              {question.answers.map((answer, index) => (
                // Answers are sorted text, not records: the index only tells equal answers apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={index}>
                  <Typography>{answer}</Typography>
                </li>
              ))}
            </Box>
          )}
        </Box>
      ))}
    </Section>
  );
}

export function RoundResultsPage() {
  const t = useT();
  const api = useRitmeApi();
  const { locale } = useIntl();
  const formatDate = useFormatDate();
  const { documentId = '' } = useParams();
  const { toggleNotification } = useNotification();
  const close = useRBAC(PERMISSIONS.roundsClose);
  const canClose = close.allowedActions.canClose === true;
  const {
    data: round,
    setData: setRound,
    error,
    reload,
  } = useLoaded(React.useCallback(() => api.round(documentId, locale), [api, documentId, locale]));
  const [closing, setClosing] = React.useState(false);

  const closeForGood = async () => {
    setClosing(true);
    try {
      setRound(await api.closeRound(documentId, locale));
      toggleNotification({ type: 'success', message: t('ritme.rounds.close.done') });
    } catch (caught) {
      toggleNotification({ type: 'danger', title: t('ritme.rounds.close.failed'), message: errorMessage(caught) });
    } finally {
      setClosing(false);
    }
  };

  const back = (
    <LinkButton tag={NavLink} to={`/plugins/${PLUGIN_ID}/rounds`} variant="tertiary" startIcon={<ArrowLeft />}>
      {t('ritme.rounds.back')}
    </LinkButton>
  );
  if (error) {
    return (
      <Page.Main>
        <Layouts.Header title={t('ritme.rounds.title')} navigationAction={back} />
        <Layouts.Content>
          <LoadError message={error} onRetry={() => void reload()} />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!round) return <Loading label={t('ritme.rounds.loadingOne')} />;

  const editLink = `/content-manager/collection-types/${ROUND_UID}/${round.documentId}?plugins[i18n][locale]=${round.locale}`;
  return (
    <Page.Main>
      <Page.Title>{round.title || t('ritme.rounds.untitled')}</Page.Title>
      <Layouts.Header
        title={round.title || t('ritme.rounds.untitled')}
        subtitle={`${formatDate(round.opensAt, true)} – ${formatDate(round.closesAt, true)}`}
        navigationAction={back}
        primaryAction={
          <LinkButton tag={NavLink} to={editLink} variant="secondary" startIcon={<Pencil />}>
            {t('ritme.rounds.edit')}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} alignItems="center">
            <RoundStateBadge state={round.state} />
            <AnswerCount round={round} />
          </Flex>
          <Grid.Root gap={4}>
            <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
              <Results round={round} />
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Section title={t('ritme.rounds.followUp')}>
                {round.followUps.map((followUp) => (
                  <Box key={followUp.locale}>
                    <Typography variant="sigma" tag="h3">
                      {followUp.locale}
                    </Typography>
                    <Typography textColor={followUp.text ? undefined : 'neutral600'} style={{ whiteSpace: 'pre-wrap' }}>
                      {followUp.text || t('ritme.rounds.followUp.missing')}
                    </Typography>
                  </Box>
                ))}
                {round.state === 'closed_for_good' ? (
                  <Typography fontWeight="bold">
                    {t('ritme.rounds.closedForGood', { date: formatDate(round.closedForGoodAt, true) })}
                  </Typography>
                ) : (
                  canClose && (
                    <Flex direction="column" alignItems="stretch" gap={2}>
                      {round.closeRefusal && (
                        <Typography id="ritme-close-refusal" textColor="neutral600">
                          {refusalText(t, round.closeRefusal)}
                        </Typography>
                      )}
                      <Button
                        startIcon={<Lock />}
                        loading={closing}
                        disabled={round.closeRefusal !== null}
                        aria-describedby={round.closeRefusal ? 'ritme-close-refusal' : undefined}
                        onClick={() => void closeForGood()}
                      >
                        {t('ritme.rounds.close')}
                      </Button>
                    </Flex>
                  )
                )}
              </Section>
            </Grid.Item>
          </Grid.Root>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
