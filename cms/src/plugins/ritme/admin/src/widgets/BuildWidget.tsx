/** Home page widget: what the intranet shows now (the Live panel's headline), linking to the co-design page. */
import { Flex, Link, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';
import { useBuildHeadline } from '../utils/buildHeadline';
import { useT } from '../utils/useT';
import { PartView } from './AttentionList';
import { useOverviewPart } from './useOverviewPart';

function Headline({ status }: { status: Parameters<typeof useBuildHeadline>[0] }) {
  const t = useT();
  const { headline, tone } = useBuildHeadline(status, null);
  return (
    <Flex direction="column" alignItems="flex-start" gap={2}>
      <Typography fontWeight="bold" textColor={tone}>
        {headline}
      </Typography>
      <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}`}>
        {t('ritme.home.build.open')}
      </Link>
    </Flex>
  );
}

export function BuildWidget() {
  const part = useOverviewPart('build');
  return <PartView part={part}>{(status) => <Headline status={status} />}</PartView>;
}
