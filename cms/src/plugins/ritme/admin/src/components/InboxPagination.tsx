/**
 * Paging through the inbox: previous / next and the page numbers around the
 * current one (first and last always), in a labelled navigation landmark with
 * the current page marked for screen readers.
 */
import { Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/useT';

interface Props {
  page: number;
  pageCount: number;
  total: number;
  onPage: (page: number) => void;
}

/** 1 … 4 5 6 … 20: null stands for a gap. */
export function pageNumbers(page: number, pageCount: number): (number | null)[] {
  const wanted = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((n) => n >= 1 && n <= pageCount)
    .sort((a, b) => a - b);
  return wanted.flatMap((n, i) => (i > 0 && n - (wanted[i - 1] ?? n) > 1 ? [null, n] : [n]));
}

export function InboxPagination({ page, pageCount, total, onPage }: Props) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <Flex tag="nav" aria-label={t('ritme.pagination.label')} gap={2} wrap="wrap" justifyContent="center">
      <Button variant="tertiary" size="S" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('ritme.pagination.previous')}
      </Button>
      {pageNumbers(page, pageCount).map((n, i) =>
        n === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place.
          <Typography key={`gap-${i}`} aria-hidden textColor="neutral600">
            …
          </Typography>
        ) : (
          <Button
            key={n}
            variant={n === page ? 'secondary' : 'tertiary'}
            size="S"
            aria-current={n === page ? 'page' : undefined}
            aria-label={t('ritme.pagination.goTo', { page: n })}
            onClick={() => onPage(n)}
          >
            {n}
          </Button>
        ),
      )}
      <Button variant="tertiary" size="S" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        {t('ritme.pagination.next')}
      </Button>
      <Typography variant="pi" textColor="neutral600" aria-live="polite">
        {t('ritme.pagination.status', { page, pageCount, total })}
      </Typography>
    </Flex>
  );
}
