/**
 * The co-design page: a header, what the intranet shows now (Live, with the
 * build.read permission), and two tabs, each with its own URL so it can be linked.
 */
import { Tabs } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { LivePanel } from '../components/LivePanel';
import { PERMISSIONS, PLUGIN_ID } from '../pluginId';
import { useBuildStatus } from '../utils/useBuildStatus';
import { useT } from '../utils/useT';
import { InboxPage } from './InboxPage';
import { PilotsPage } from './PilotsPage';

type Tab = 'inbox' | 'pilots';
const PATHS: Record<Tab, string> = { inbox: `/plugins/${PLUGIN_ID}`, pilots: `/plugins/${PLUGIN_ID}/pilots` };

export function CodesignPage({ tab }: { tab: Tab }) {
  const t = useT();
  const navigate = useNavigate();
  const invites = useRBAC(PERMISSIONS.invitesManage);
  const inboxUpdate = useRBAC(PERMISSIONS.inboxUpdate);
  const inboxEmail = useRBAC(PERMISSIONS.inboxEmail);
  const canManageInvites = invites.allowedActions.canManage === true;
  const buildRead = useRBAC(PERMISSIONS.buildRead);
  const buildRebuild = useRBAC(PERMISSIONS.buildRebuild);
  const canReadBuilds = buildRead.allowedActions.canRead === true;
  const build = useBuildStatus(canReadBuilds);
  // "Changed in build": the builds the build service reports, when it does; free text otherwise.
  const builds = build.status?.configured && build.status.reachable ? build.status.history : null;

  return (
    <Page.Main>
      <Page.Title>{t('ritme.page.title')}</Page.Title>
      <Layouts.Header title={t('ritme.page.title')} subtitle={t('ritme.page.subtitle')} />
      <Layouts.Content>
        {canReadBuilds && <LivePanel {...build} canRebuild={buildRebuild.allowedActions.canRebuild === true} />}
        <Tabs.Root
          value={tab}
          variant="simple"
          onValueChange={(value) => navigate(PATHS[value === 'pilots' ? 'pilots' : 'inbox'])}
        >
          <Tabs.List aria-label={t('ritme.page.tabs')}>
            <Tabs.Trigger value="inbox">{t('ritme.tab.inbox')}</Tabs.Trigger>
            {(canManageInvites || invites.isLoading) && (
              <Tabs.Trigger value="pilots">{t('ritme.tab.pilots')}</Tabs.Trigger>
            )}
          </Tabs.List>
          <Tabs.Content value="inbox">
            <InboxPage
              canUpdate={inboxUpdate.allowedActions.canUpdate === true}
              canEmail={inboxEmail.allowedActions.canEmail === true}
              builds={builds}
            />
          </Tabs.Content>
          <Tabs.Content value="pilots">
            {invites.isLoading ? <Page.Loading /> : canManageInvites ? <PilotsPage /> : <Page.NoPermissions />}
          </Tabs.Content>
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
}
