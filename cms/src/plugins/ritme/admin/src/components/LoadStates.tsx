/** Loading, error and empty states for a tab's content. */
import { Box, Button, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import type * as React from 'react';
import { useT } from '../utils/useT';

export function Loading({ label }: { label: string }) {
  return (
    <Flex justifyContent="center" padding={8}>
      <Loader>{label}</Loader>
    </Flex>
  );
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useT();
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={8} role="alert">
      <Flex direction="column" gap={3}>
        <WarningCircle width="3.2rem" height="3.2rem" fill="danger600" aria-hidden />
        <Typography variant="delta" tag="p">
          {t('ritme.error.title')}
        </Typography>
        <Typography textColor="neutral600">{message}</Typography>
        <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={onRetry}>
          {t('ritme.error.retry')}
        </Button>
      </Flex>
    </Box>
  );
}

export function Empty({ icon, content, action }: { icon: React.ReactNode; content: string; action?: React.ReactNode }) {
  return <EmptyStateLayout icon={icon} content={content} action={action} hasRadius shadow="tableShadow" />;
}
