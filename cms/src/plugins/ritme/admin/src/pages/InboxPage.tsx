/**
 * The co-design inbox: feedback from preview pages and suggestions from the
 * site together, newest first, grouped by the page they are about; above
 * them, the drafts pilots can see (shared with pilots).
 */
import type { BuildStatus, Inbox, InboxEmailReply, InboxItem, InboxQuery, InboxUpdate } from '@ritme/shared';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Discuss } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { useLocation } from 'react-router-dom';
import { errorMessage, useRitmeApi } from '../api';
import { InboxFilters } from '../components/InboxFilters';
import { InboxItemCard } from '../components/InboxItemCard';
import { InboxPagination } from '../components/InboxPagination';
import { Empty, LoadError, Loading } from '../components/LoadStates';
import { SharedDraftsPanel } from '../components/SharedDraftsPanel';
import { groupByPage } from '../utils/groupByPage';
import { inboxQueryFrom } from '../utils/inboxLink';
import { useT } from '../utils/useT';

interface Props {
  canUpdate: boolean;
  canEmail: boolean;
  builds: BuildStatus['history'] | null;
}

export function InboxPage({ canUpdate, canEmail, builds }: Props) {
  const t = useT();
  const api = useRitmeApi();
  const { toggleNotification } = useNotification();
  // Starts from the filters in the address: the home page links to e.g. new suggestions.
  const { search } = useLocation();
  const [query, setQuery] = React.useState<InboxQuery>(() => inboxQueryFrom(search));
  const [inbox, setInbox] = React.useState<Inbox | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState(true);
  const latest = React.useRef(0);
  // After a page change the list's top takes the focus (and scrolls into view), so keyboard and
  // screen-reader users go on from the first item of the new page.
  const listTop = React.useRef<HTMLDivElement>(null);
  const paged = React.useRef(false);

  const load = React.useCallback(async () => {
    // Only the answer to the newest request counts when filters change quickly.
    const request = ++latest.current;
    setLoading(true);
    try {
      const result = await api.inbox(query);
      if (request !== latest.current) return;
      setInbox(result);
      setError(null);
      if (paged.current) {
        paged.current = false;
        requestAnimationFrame(() => listTop.current?.focus());
      }
    } catch (caught) {
      if (request === latest.current) setError(errorMessage(caught));
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [api, query]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const save = async (item: InboxItem, update: InboxUpdate) => {
    try {
      await api.updateInboxItem(item.kind, item.documentId, update);
      toggleNotification({ type: 'success', message: t('ritme.edit.saved') });
      await load();
      return true;
    } catch (caught) {
      toggleNotification({ type: 'danger', title: t('ritme.edit.failed'), message: errorMessage(caught) });
      return false;
    }
  };

  const sendEmail = async (item: InboxItem, reply: InboxEmailReply) => {
    try {
      await api.emailReply(item.documentId, reply);
      toggleNotification({ type: 'success', message: t('ritme.edit.sent', { to: item.email ?? '' }) });
      await load();
      return true;
    } catch (caught) {
      // The server stored the reply before trying; the editor keeps the text as typed.
      toggleNotification({ type: 'danger', title: t('ritme.edit.sendFailed'), message: errorMessage(caught) });
      return false;
    }
  };
  const email = canEmail && inbox ? { configured: inbox.mail.configured, onSend: sendEmail } : null;
  // A filter change starts at page 1; paging keeps the filters.
  const filter = (next: InboxQuery) => setQuery({ ...next, page: undefined });
  const toPage = (page: number) => {
    paged.current = true;
    setQuery({ ...query, page });
  };

  const filtered = Boolean(query.status || query.category || query.kind);
  let body: React.ReactNode;
  if (error) body = <LoadError message={error} onRetry={() => void load()} />;
  else if (!inbox) body = <Loading label={t('ritme.inbox.loading')} />;
  else if (inbox.items.length === 0)
    body = (
      <Empty
        icon={<Discuss width="6rem" height="6rem" />}
        content={t(filtered ? 'ritme.inbox.noMatch' : 'ritme.inbox.empty')}
      />
    );
  else
    body = groupByPage(inbox.items).map((group) => (
      <Box tag="section" key={group.pagePath ?? ''} aria-busy={loading}>
        <Flex gap={2} paddingBottom={3} alignItems="baseline">
          <Typography variant="delta" tag="h2">
            {group.pagePath ?? t('ritme.inbox.noPage')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('ritme.inbox.groupCount', { count: group.items.length })}
          </Typography>
        </Flex>
        <Flex direction="column" alignItems="stretch" gap={3}>
          {group.items.map((item) => (
            <InboxItemCard
              // Remount after a save so the editor starts from the stored values.
              key={`${item.kind}:${item.documentId}:${item.status}:${item.reply}:${item.changedInBuild}:${item.emailed?.at}`}
              item={item}
              canUpdate={canUpdate}
              builds={builds}
              onSave={save}
              email={email}
            />
          ))}
        </Flex>
      </Box>
    ));

  return (
    <Flex direction="column" alignItems="stretch" gap={6} paddingTop={6}>
      <SharedDraftsPanel />
      <InboxFilters query={query} counts={inbox?.counts} onChange={filter} />
      <Flex ref={listTop} tabIndex={-1} direction="column" alignItems="stretch" gap={6} style={{ outline: 'none' }}>
        {body}
      </Flex>
      {inbox && inbox.items.length > 0 && (
        <InboxPagination
          page={inbox.pagination.page}
          pageCount={inbox.pagination.pageCount}
          total={inbox.pagination.total}
          onPage={toPage}
        />
      )}
    </Flex>
  );
}
