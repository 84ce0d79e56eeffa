/** Filters for the inbox by status, category and kind, each option with its count over the whole inbox. */
import type { Inbox, InboxQuery } from '@ritme/shared';
import { Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { CATEGORIES, KINDS, STATUSES } from '../constants';
import { type MessageKey, useT } from '../utils/useT';

const ALL = 'all';

interface FilterProps<T extends string> {
  name: 'status' | 'category' | 'kind';
  label: MessageKey;
  values: readonly T[];
  labelOf: (value: T) => MessageKey;
  counts: Record<string, number> | undefined;
  total: number | undefined;
  query: InboxQuery;
  onChange: (query: InboxQuery) => void;
}

function Filter<T extends string>({ name, label, values, labelOf, counts, total, query, onChange }: FilterProps<T>) {
  const t = useT();
  const withCount = (text: string, count: number | undefined) => (count === undefined ? text : `${text} (${count})`);
  return (
    <Field.Root name={name} width="22rem">
      <Field.Label>{t(label)}</Field.Label>
      <SingleSelect
        size="S"
        value={query[name] ?? ALL}
        onChange={(value) => onChange({ ...query, [name]: value === ALL ? undefined : value })}
      >
        <SingleSelectOption value={ALL}>{withCount(t('ritme.filter.all'), total)}</SingleSelectOption>
        {values.map((value) => (
          <SingleSelectOption key={value} value={value}>
            {withCount(t(labelOf(value)), counts ? (counts[value] ?? 0) : undefined)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
}

export function InboxFilters({
  query,
  counts,
  onChange,
}: {
  query: InboxQuery;
  counts: Inbox['counts'] | undefined;
  onChange: (query: InboxQuery) => void;
}) {
  const shared = { query, onChange, total: counts?.total };
  return (
    <Flex gap={4} wrap="wrap" alignItems="flex-end">
      <Filter
        {...shared}
        name="status"
        label="ritme.filter.status"
        values={STATUSES}
        labelOf={(value) => `ritme.status.${value}`}
        counts={counts?.byStatus}
      />
      <Filter
        {...shared}
        name="category"
        label="ritme.filter.category"
        values={CATEGORIES}
        labelOf={(value) => `ritme.category.${value}`}
        counts={counts?.byCategory}
      />
      <Filter
        {...shared}
        name="kind"
        label="ritme.filter.kind"
        values={KINDS}
        labelOf={(value) => `ritme.kind.${value}`}
        counts={counts?.byKind}
      />
    </Flex>
  );
}
