/**
 * The list view of a Ritme type for a comms editor, through the Content
 * Manager's `inject-column-in-table` hook: column headers in the admin's
 * language where they are still the plugin's English defaults, and choice
 * columns (cadence, skill, …) showing "Every week" instead of `weekly`.
 */
import { choiceLabel, type EditorType, ENUM_FIELDS, editorLocale } from '@ritme/shared/editor-fields';
import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { textsOf, translated } from './edit-view-texts';
import { pageType } from './language';

type Header = {
  name: string;
  label: string | { id: string; defaultMessage: string };
  attribute?: { type: string };
  cellFormatter?: unknown;
} & Record<string, unknown>;

function ChoiceCell({ type, name, value }: { type: EditorType; name: string; value: unknown }) {
  const { locale } = useIntl();
  if (typeof value !== 'string' || value === '') return <Typography textColor="neutral800">-</Typography>;
  return (
    <Typography textColor="neutral800" ellipsis>
      {choiceLabel(type, name, value, editorLocale(locale)) ?? value}
    </Typography>
  );
}

export function injectColumnInTable<T extends { displayedHeaders: Header[] }>(args: T): T {
  const type = pageType();
  if (!type || !Array.isArray(args.displayedHeaders)) return args;
  const displayedHeaders = args.displayedHeaders.map((header) => {
    const texts = typeof header.label === 'string' ? textsOf(type, header.name) : undefined;
    const labelled = texts ? translated(header, ...texts) : header;
    if (header.attribute?.type !== 'enumeration' || !ENUM_FIELDS[type]?.[header.name]) return labelled;
    return {
      ...labelled,
      cellFormatter: (row: Record<string, unknown>) => (
        <ChoiceCell type={type} name={header.name} value={row[header.name]} />
      ),
    };
  });
  return { ...args, displayedHeaders };
}
