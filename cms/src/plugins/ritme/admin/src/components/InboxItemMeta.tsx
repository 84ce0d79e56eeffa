/**
 * What an inbox item is about and who sent it: the entries it refers to by
 * title (linked to the Content Manager and to their page on the intranet, or
 * marked deleted), the page as a link, the section by its heading, the build.
 */
import type { InboxEntry, InboxItem } from '@ritme/shared';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import type * as React from 'react';
import { useFormatDate, useT } from '../utils/useT';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Typography variant="pi" textColor="neutral600">
      {label}:{' '}
      <Typography variant="pi" fontWeight="bold" textColor="neutral800">
        {children}
      </Typography>
    </Typography>
  );
}

/** A reference as the editor typed nothing of: in monospace (a ref is case-sensitive, so no Badge). */
const Code = ({ children }: { children: React.ReactNode }) => (
  <Box tag="code" background="neutral150" hasRadius paddingLeft={2} paddingRight={2}>
    <Typography variant="pi" textColor="neutral800" style={{ fontFamily: 'monospace' }}>
      {children}
    </Typography>
  </Box>
);

function Entry({ entry }: { entry: InboxEntry }) {
  const t = useT();
  if (entry.deleted) return <Code>{t('ritme.item.deleted', { ref: entry.ref })}</Code>;
  if (!entry.adminPath) return <Code>{t('ritme.item.unknownRef', { ref: entry.ref })}</Code>;
  const title = entry.title ?? t('ritme.item.untitled', { type: entry.type });
  return (
    <Flex gap={2} wrap="wrap" alignItems="baseline">
      <Link href={entry.adminPath} aria-label={t('ritme.item.editEntry', { title })}>
        {title}
      </Link>
      {entry.locale && (
        <Typography variant="pi" textColor="neutral600">
          ({entry.locale.toUpperCase()})
        </Typography>
      )}
      {entry.pageUrl ? (
        <Link href={entry.pageUrl} isExternal>
          {t('ritme.item.onIntranet')}
        </Link>
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {t('ritme.item.notPublished')}
        </Typography>
      )}
    </Flex>
  );
}

export function InboxItemMeta({ item }: { item: InboxItem }) {
  const t = useT();
  const formatDate = useFormatDate();
  const author = item.author ?? t('ritme.item.anonymous');
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {item.entries.length > 0 && (
        <Flex gap={2} wrap="wrap" alignItems="baseline" tag="ul" aria-label={t('ritme.item.about')}>
          <Typography variant="pi" textColor="neutral600">
            {t('ritme.item.about')}:
          </Typography>
          {item.entries.map((entry) => (
            <li key={entry.ref}>
              <Entry entry={entry} />
            </li>
          ))}
        </Flex>
      )}
      <Flex gap={4} wrap="wrap">
        {item.pagePath && (
          <Fact label={t('ritme.item.page')}>
            {item.pageUrl ? (
              <Link href={item.pageUrl} isExternal>
                {item.pagePath}
              </Link>
            ) : (
              item.pagePath
            )}
          </Fact>
        )}
        {item.section && <Fact label={t('ritme.item.section')}>{item.sectionHeading ?? `#${item.section}`}</Fact>}
        {item.build && <Fact label={t('ritme.item.build')}>{item.build}</Fact>}
        <Fact label={t('ritme.item.author')}>{item.email ? `${author} <${item.email}>` : author}</Fact>
        {item.locale && <Fact label={t('ritme.item.locale')}>{item.locale.toUpperCase()}</Fact>}
        {item.kind === 'feedback' && (
          <Fact label={t('ritme.item.showName')}>{t(item.showName ? 'ritme.item.yes' : 'ritme.item.no')}</Fact>
        )}
        {item.changedInBuild && (
          <Fact label={t('ritme.item.changedIn')}>
            {t('ritme.item.changedInValue', { build: item.changedInBuild, date: formatDate(item.changedAt) })}
          </Fact>
        )}
      </Flex>
    </Flex>
  );
}
