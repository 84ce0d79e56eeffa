/**
 * Strapi's Content Manager speaks the comms team's language, in Chromium,
 * against a seeded Strapi serving this run's admin build: an editor (Strapi's
 * Editor role, English admin) creates an example behaviour and reads human
 * labels, help and placeholders; picks the cadence with the keyboard from
 * readable choices, and the raw value is saved. A Dutch-speaking editor reads
 * the same form in Dutch ("In plaats van", "Niet: …", "Om de week") — a help
 * text an admin typed stays as typed — and the
 * lists show readable choices and sessions by their name, not "Untitled".
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../../../../cms/tests/harness/admins';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { launch } from './browser';

const UI_TIMEOUT = 30_000;
const BEHAVIOURS = 'content-manager/collection-types/plugin::ritme.behaviour';
const SESSIONS = 'content-manager/collection-types/plugin::ritme.training-session';

const OWN_HINT = 'Schrijf het zoals je team het zegt.';

let app: TestStrapi;
let browser: Browser;

/** An admin with Strapi's own Editor role, working in Dutch and English, who reads the admin in `language`. */
async function editor(email: string, language: 'en' | 'nl') {
  const role = await app.strapi.service('admin::role').findOne({ code: 'strapi-editor' });
  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Comms',
    lastname: language,
    password: ADMIN_PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
    preferedLanguage: language,
  });
  return email;
}

async function logIn(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  await page.goto(`${app.baseUrl}/admin`);
  await page.getByLabel(/^(Email|E-mail)/).fill(email);
  await page.getByLabel(/^(Password|Wachtwoord)/).fill(ADMIN_PASSWORD);
  await page.getByLabel(/^(Password|Wachtwoord)/).press('Enter');
  await page.waitForURL(/\/admin(\/)?$/);
  return page;
}

const open = (page: Page, path: string) => page.goto(`${app.baseUrl}/admin/${path}?plugins[i18n][locale]=nl`);

beforeAll(async () => {
  app = await bootStrapi({ seed: true, admin: true, env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  await editor('comms-en@example.org', 'en');
  await editor('comms-nl@example.org', 'nl');
  // An admin's own help text, typed in "Configure the view": shown as typed, in every language.
  const views = app.strapi.plugin('content-manager').service('content-types');
  const model = views.findContentType('plugin::ritme.behaviour');
  const configuration = await views.findConfiguration(model);
  configuration.metadatas.why.edit.description = OWN_HINT;
  await views.updateConfiguration(model, configuration);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the edit form', () => {
  it('shows an English-speaking editor human labels, help and placeholders, and saves a readable choice as its value', async () => {
    const page = await logIn('comms-en@example.org');
    await open(page, `${BEHAVIOURS}/create`);

    const action = page.getByLabel('What to do');
    await action.waitFor();
    expect(await action.getAttribute('placeholder')).toBe(
      'e.g. Post a short update on your project in the group every week',
    );
    const insteadOf = page.getByLabel('Instead of');
    expect(await insteadOf.getAttribute('placeholder')).toBe('e.g. Share your knowledge');
    await page.getByText('Not: … the vague phrase this behaviour replaces, as people say it.').waitFor();
    // No attribute names left where a label belongs.
    expect(await page.getByText('insteadOf', { exact: true }).count()).toBe(0);

    await action.fill('Post a short weekly update on your project in the group');
    await insteadOf.fill('Share your knowledge');

    // The cadence, by keyboard: a labelled select offering readable choices.
    const cadence = page.getByRole('combobox', { name: 'How often' });
    await cadence.focus();
    await page.keyboard.press('Enter');
    const choices = await page.getByRole('option').allTextContents();
    expect(choices).toEqual(expect.arrayContaining(['Every day', 'Every week', 'Every two weeks', 'Once']));
    expect(choices).not.toContain('every_two_weeks');
    await page.getByRole('option', { name: 'Every two weeks' }).focus();
    await page.keyboard.press('Enter');
    expect(await cadence.textContent()).toContain('Every two weeks');

    // Required, as Strapi marks it: the asterisk after the label.
    expect(await page.locator('label', { hasText: 'How often' }).first().textContent()).toBe('How often*');
    const skill = page.getByRole('combobox', { name: 'Skill' });
    await skill.click();
    await page.getByRole('option', { name: 'Making your work visible' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText(/Saved document|Saved/)
      .first()
      .waitFor();

    const saved = await app.strapi.db
      .query('plugin::ritme.behaviour' as never)
      .findOne({ where: { title: 'Post a short weekly update on your project in the group', locale: 'nl' } });
    expect(saved).toMatchObject({
      cadence: 'every_two_weeks',
      skill: 'making_work_visible',
      insteadOf: 'Share your knowledge',
    });
    await page.context().close();
  });

  it('shows a Dutch-speaking editor the same form in Dutch', async () => {
    const page = await logIn('comms-nl@example.org');
    await open(page, `${BEHAVIOURS}/create`);
    const insteadOf = page.getByLabel('In plaats van');
    await insteadOf.waitFor();
    expect(await insteadOf.getAttribute('placeholder')).toBe('bijv. Deel je kennis');
    await page.getByText('Niet: … de vage oproep die dit gedrag vervangt, zoals mensen hem zeggen.').waitFor();
    await page.getByLabel('Wat doe je').waitFor();
    await page.getByText(OWN_HINT).waitFor();
    expect(await page.getByText('Wat het collega’s en het team oplevert', { exact: false }).count()).toBe(0);

    await page.getByRole('combobox', { name: 'Hoe vaak' }).click();
    const choices = await page.getByRole('option').allTextContents();
    expect(choices).toEqual(expect.arrayContaining(['Elke dag', 'Elke week', 'Om de week', 'Eén keer']));
    await page.keyboard.press('Escape');
    await page.context().close();
  });
});

describe('the lists', () => {
  it('show readable choices under Dutch headers, and sessions by their name', async () => {
    const page = await logIn('comms-nl@example.org');
    await open(page, BEHAVIOURS);
    await page.getByText('Post a short weekly update', { exact: false }).first().waitFor();
    const headers = (await page.locator('thead').first().textContent()) ?? '';
    expect(headers).toContain('Wat doe je');
    expect(headers).toContain('In plaats van');
    expect(headers).toContain('Hoe vaak');
    const row = page.getByRole('row').filter({ hasText: 'Post a short weekly update' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Om de week');
    expect(await row.textContent()).toContain('Eigen werk zichtbaar maken');
    const table = (await page.locator('table').first().textContent()) ?? '';
    expect(table).not.toMatch(/every_two_weeks|making_work_visible|giving_feedback|per_meeting/);

    await open(page, SESSIONS);
    await page.locator('thead', { hasText: 'Sessie' }).first().waitFor();
    const sessions = page.getByRole('row').filter({ hasText: ' · ' });
    await sessions.first().waitFor();
    expect(await sessions.count()).toBeGreaterThan(0);
    expect(await page.getByText('Untitled').count()).toBe(0);
    await page.context().close();
  });
});
