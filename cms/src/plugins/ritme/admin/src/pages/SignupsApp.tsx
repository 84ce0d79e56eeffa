/** The sign-up pages under /admin/plugins/ritme/signups, for admins with signups.read. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../pluginId';
import { SessionSignupsPage } from './SessionSignupsPage';
import { SignupsPage } from './SignupsPage';

const SignupsApp = () => (
  <Page.Protect permissions={PERMISSIONS.signupsRead}>
    <Routes>
      <Route index element={<SignupsPage />} />
      <Route path=":documentId" element={<SessionSignupsPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default SignupsApp;
