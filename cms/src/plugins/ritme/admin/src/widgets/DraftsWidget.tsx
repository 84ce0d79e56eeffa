/**
 * Home page widget: per Ritme type the editor may read, how many entries were
 * never published or have changes not published yet. Each links to the type's
 * list in the Content Manager, latest edits first (its list has no status
 * filter in Strapi 5.54; the Status column shows Draft and Modified).
 */
import type { DraftType } from '@ritme/shared';
import { type MessageKey, useT } from '../utils/useT';
import { type AttentionItem, AttentionList, PartView } from './AttentionList';
import { useOverviewPart } from './useOverviewPart';

const TYPE_LABELS: Record<DraftType, MessageKey> = {
  behaviour: 'ritme.home.type.behaviour',
  training: 'ritme.home.type.training',
  'training-session': 'ritme.home.type.training-session',
  group: 'ritme.home.type.group',
  person: 'ritme.home.type.person',
  spotlight: 'ritme.home.type.spotlight',
  'evaluation-round': 'ritme.home.type.evaluation-round',
};

export const contentManagerList = (uid: string) =>
  `/content-manager/collection-types/${uid}?page=1&pageSize=10&sort=updatedAt:DESC`;

export function DraftsWidget() {
  const t = useT();
  const part = useOverviewPart('drafts');
  return (
    <PartView part={part}>
      {(types) => {
        const items: AttentionItem[] = types
          .filter((entry) => entry.draft + entry.modified > 0)
          .map((entry) => ({
            key: entry.type,
            label: t('ritme.home.drafts.line', {
              type: t(TYPE_LABELS[entry.type]),
              count: entry.draft + entry.modified,
            }),
            detail: t('ritme.home.drafts.detail', { draft: entry.draft, modified: entry.modified }),
            to: contentManagerList(entry.uid),
          }));
        return <AttentionList items={items} empty={t('ritme.home.drafts.empty')} />;
      }}
    </PartView>
  );
}
