/** Translated UI strings: keys are checked against en.json, which is also the fallback. */
import * as React from 'react';
import { useIntl } from 'react-intl';
import en from '../translations/en.json';

export type MessageKey = keyof typeof en;
export type Translate = (id: MessageKey, values?: Record<string, string | number>) => string;

export function useT(): Translate {
  const { formatMessage } = useIntl();
  return React.useCallback<Translate>(
    (id, values) => formatMessage({ id, defaultMessage: en[id] }, values),
    [formatMessage],
  );
}

export function useFormatDate() {
  const { formatDate } = useIntl();
  return React.useCallback(
    (value: string | null, withTime = false) =>
      value ? formatDate(value, { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' as const } : {}) }) : '—',
    [formatDate],
  );
}
