/**
 * In development, the demo gets an admin login so a comms team can look around
 * straight away. Never in production, whatever the environment says.
 */
import type { Core } from '@strapi/strapi';

export const DEMO_ADMIN_EMAIL = 'admin@ritme.local';

export async function ensureDemoAdmin(strapi: Core.Strapi, password: string) {
  if (process.env.NODE_ENV === 'production') return null;
  const users = strapi.service('admin::user');
  if (!(await users.exists({ email: DEMO_ADMIN_EMAIL }))) {
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await users.create({
      email: DEMO_ADMIN_EMAIL,
      firstname: 'Ritme',
      lastname: 'Demo',
      password,
      isActive: true,
      registrationToken: null,
      roles: superAdmin ? [superAdmin.id] : [],
    });
  }
  strapi.log.info(`Demo admin login: ${DEMO_ADMIN_EMAIL} / ${password}`);
  return DEMO_ADMIN_EMAIL;
}
