/**
 * All of Ritme's tests. Unit tests run anywhere; API tests boot a real Strapi
 * per file, on SQLite always and on PostgreSQL when DATABASE_URL is set (each
 * file creates and drops its own database on that server).
 */
import { configDefaults, defineConfig } from 'vitest/config';

const apiProject = (database: 'sqlite' | 'postgres') => ({
  test: {
    name: `api:${database}`,
    include: ['cms/tests/**/*.test.ts', 'site/theme/tests/integration/**/*.test.ts'],
    // *.multi.test.ts runs several Strapis on one shared database: PostgreSQL only.
    exclude: [
      ...configDefaults.exclude,
      'cms/tests/install/**',
      ...(database === 'sqlite' ? ['cms/tests/**/*.multi.test.ts'] : []),
    ],
    // Strapi in the default forks pool dies with "Channel closed"; threads work.
    pool: 'threads' as const,
    globalSetup: ['cms/tests/harness/global-setup.ts'],
    env: { RITME_TEST_DB: database },
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['shared/tests/**/*.test.ts'] } },
      'site/theme/vitest.config.ts',
      apiProject('sqlite'),
      ...(process.env.DATABASE_URL ? [apiProject('postgres')] : []),
      {
        // The demo intranet (site/demo), built with the theme, in Debian's Chromium, against a seeded Strapi on SQLite.
        test: {
          name: 'e2e',
          include: ['site/theme/tests/e2e/**/*.test.ts'],
          pool: 'threads' as const,
          // The demo intranet imports the theme as installed, from its dist/: build it first. And Strapi's
          // admin panel, which admin-live.test.ts drives (a broken admin bundle fails the run here).
          globalSetup: [
            'cms/tests/harness/global-setup.ts',
            'site/theme/tests/e2e/global-setup.ts',
            'cms/tests/harness/admin-build.ts',
          ],
          env: { RITME_TEST_DB: 'sqlite' },
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        // The packed packages in a fresh Strapi app and a fresh Astro project, outside the workspace.
        test: {
          name: 'install',
          include: ['cms/tests/install/**/*.test.ts'],
          pool: 'threads' as const,
          // The same builds the API and end-to-end tests make (skipped under `npm test`, which built them).
          globalSetup: ['cms/tests/harness/global-setup.ts', 'site/theme/tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 1_500_000,
        },
      },
    ],
  },
});
