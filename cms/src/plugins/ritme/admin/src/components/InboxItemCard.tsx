/** One piece of feedback or one suggestion in the inbox. */
import type { BuildStatus, InboxEmailReply, InboxItem, InboxUpdate } from '@ritme/shared';
import { Badge, Box, Button, Divider, Flex, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import * as React from 'react';
import { useFormatDate, useT } from '../utils/useT';
import { InboxItemEditor } from './InboxItemEditor';
import { InboxItemMeta } from './InboxItemMeta';
import { ItemStatus } from './StatusBadge';

interface Props {
  item: InboxItem;
  canUpdate: boolean;
  /** The build service's builds, for "changed in build"; null → free text. */
  builds: BuildStatus['history'] | null;
  onSave: (item: InboxItem, update: InboxUpdate) => Promise<boolean>;
  /** Null when this editor may not e-mail replies. */
  email: { configured: boolean; onSend: (item: InboxItem, reply: InboxEmailReply) => Promise<boolean> } | null;
}

export function InboxItemCard({ item, canUpdate, builds, onSave, email }: Props) {
  const t = useT();
  const formatDate = useFormatDate();
  // Closed by default so the list stays easy to scan; a save remounts the card, closing it again.
  const [editing, setEditing] = React.useState(false);
  return (
    <Box tag="article" background="neutral0" hasRadius shadow="tableShadow" padding={5}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" gap={2} wrap="wrap">
          <Flex gap={2} wrap="wrap">
            <Badge variant={item.kind === 'feedback' ? 'primary' : 'secondary'}>{t(`ritme.kind.${item.kind}`)}</Badge>
            <Badge>{t(`ritme.category.${item.category}`)}</Badge>
            <ItemStatus status={item.status} />
          </Flex>
          <Typography variant="pi" textColor="neutral600">
            <time dateTime={item.createdAt}>{formatDate(item.createdAt, true)}</time>
          </Typography>
        </Flex>
        <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
          {item.message}
        </Typography>
        <InboxItemMeta item={item} />
        {item.reply && (
          <Box background="neutral100" hasRadius padding={3}>
            <Typography variant="pi" fontWeight="bold" tag="p">
              {t('ritme.item.reply')}
            </Typography>
            <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
              {item.reply}
            </Typography>
            {item.emailed && (
              <Typography variant="pi" textColor="success600" tag="p">
                {item.emailed.by
                  ? t('ritme.item.emailedBy', {
                      to: item.emailed.to,
                      date: formatDate(item.emailed.at, true),
                      by: item.emailed.by,
                    })
                  : t('ritme.item.emailed', { to: item.emailed.to, date: formatDate(item.emailed.at, true) })}
              </Typography>
            )}
          </Box>
        )}
        {canUpdate &&
          (editing ? (
            <>
              <Divider />
              <InboxItemEditor
                item={item}
                builds={builds}
                onSave={(update) => onSave(item, update)}
                email={email ? { configured: email.configured, onSend: (reply) => email.onSend(item, reply) } : null}
                onClose={() => setEditing(false)}
              />
            </>
          ) : (
            <Flex justifyContent="flex-end">
              <Button variant="tertiary" size="S" startIcon={<Pencil />} onClick={() => setEditing(true)}>
                {t('ritme.edit.open')}
              </Button>
            </Flex>
          ))}
      </Flex>
    </Box>
  );
}
