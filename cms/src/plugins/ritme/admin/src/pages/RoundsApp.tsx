/** The evaluation round pages under /admin/plugins/ritme/rounds, for admins with rounds.read. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../pluginId';
import { RoundResultsPage } from './RoundResultsPage';
import { RoundsPage } from './RoundsPage';

const RoundsApp = () => (
  <Page.Protect permissions={PERMISSIONS.roundsRead}>
    <Routes>
      <Route index element={<RoundsPage />} />
      <Route path=":documentId" element={<RoundResultsPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default RoundsApp;
