/** The plugin's pages under /admin/plugins/ritme: the inbox (index) and the pilots tab. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../pluginId';
import { CodesignPage } from './CodesignPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.inboxRead}>
    <Routes>
      <Route index element={<CodesignPage tab="inbox" />} />
      <Route path="pilots" element={<CodesignPage tab="pilots" />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;
