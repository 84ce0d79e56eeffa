/** Home page widget: new suggestions and new pilot feedback, each linking to the inbox filtered on them. */
import { inboxLink } from '../utils/inboxLink';
import { useT } from '../utils/useT';
import { type AttentionItem, AttentionList, PartView } from './AttentionList';
import { useOverviewPart } from './useOverviewPart';

export function VoicesWidget() {
  const t = useT();
  const part = useOverviewPart('voices');
  return (
    <PartView part={part}>
      {({ suggestions, feedback }) => {
        const items: AttentionItem[] = [];
        if (suggestions > 0) {
          items.push({
            key: 'suggestions',
            label: t('ritme.home.voices.suggestions', { count: suggestions }),
            to: inboxLink({ kind: 'suggestion', status: 'new' }),
          });
        }
        if (feedback > 0) {
          items.push({
            key: 'feedback',
            label: t('ritme.home.voices.feedback', { count: feedback }),
            to: inboxLink({ kind: 'feedback', status: 'new' }),
          });
        }
        return <AttentionList items={items} empty={t('ritme.home.voices.empty')} />;
      }}
    </PartView>
  );
}
