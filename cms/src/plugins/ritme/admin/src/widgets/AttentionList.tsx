/**
 * What a home page widget shows: its loading, refusal and error states as
 * Strapi's own widgets show them, and otherwise a list of links, one per thing
 * that needs attention — or a sentence saying nothing does.
 */
import type { OverviewPart } from '@ritme/shared';
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowClockwise, CheckCircle } from '@strapi/icons';
import { Widget } from '@strapi/strapi/admin';
import type * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useT } from '../utils/useT';
import type { PartState } from './useOverviewPart';

export interface AttentionItem {
  key: string;
  /** The link's text, with its number: "3 new suggestions". */
  label: string;
  /** A second line under the link. */
  detail?: string;
  to: string;
}

export function AttentionList({ items, empty }: { items: AttentionItem[]; empty: string }) {
  if (items.length === 0) {
    return (
      <Flex gap={2} alignItems="center" height="100%" justifyContent="center">
        <CheckCircle fill="success600" aria-hidden />
        <Typography textColor="neutral600">{empty}</Typography>
      </Flex>
    );
  }
  return (
    <Box tag="ul">
      {items.map((item) => (
        <Box tag="li" key={item.key} paddingBottom={3}>
          <Link tag={RouterLink} to={item.to}>
            {item.label}
          </Link>
          {item.detail && (
            <Typography tag="p" variant="pi" textColor="neutral600">
              {item.detail}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}

/** The widget's content once its part has loaded; Strapi's widget states before. */
export function PartView<P extends OverviewPart>({
  part,
  children,
}: {
  part: PartState<P>;
  children: (data: Extract<PartState<P>, { state: 'ready' }>['data']) => React.ReactNode;
}) {
  const t = useT();
  if (part.state === 'loading') return <Widget.Loading>{t('ritme.home.loading')}</Widget.Loading>;
  if (part.state === 'forbidden') return <Widget.NoPermissions />;
  if (part.state === 'error') {
    return (
      <Flex direction="column" height="100%" justifyContent="center" gap={2} role="alert">
        <Widget.Error>{part.message}</Widget.Error>
        <Button variant="tertiary" size="S" startIcon={<ArrowClockwise />} onClick={part.retry}>
          {t('ritme.error.retry')}
        </Button>
      </Flex>
    );
  }
  return <>{children(part.data)}</>;
}
