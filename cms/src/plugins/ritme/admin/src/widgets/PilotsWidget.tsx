/** Home page widget: pilot invites in use (not revoked, not expired) and how many opened the preview this week. */
import { PLUGIN_ID } from '../pluginId';
import { useT } from '../utils/useT';
import { AttentionList, PartView } from './AttentionList';
import { useOverviewPart } from './useOverviewPart';

export function PilotsWidget() {
  const t = useT();
  const part = useOverviewPart('pilots');
  return (
    <PartView part={part}>
      {({ active, usedRecently, recentDays }) => (
        <AttentionList
          items={
            active === 0
              ? []
              : [
                  {
                    key: 'active',
                    label: t('ritme.home.pilots.active', { count: active }),
                    detail: t('ritme.home.pilots.recent', { count: usedRecently, days: recentDays }),
                    to: `/plugins/${PLUGIN_ID}/pilots`,
                  },
                ]
          }
          empty={t('ritme.home.pilots.empty')}
        />
      )}
    </PartView>
  );
}
