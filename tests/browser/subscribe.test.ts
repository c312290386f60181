// A reader subscribes in Chromium: the form on a built article page, the service on 127.0.0.1, the confirmation
// link followed from the outbox, and the site's pages at each step.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseLocation } from '../../src/subscriptions/storage/database.ts';
import { buildInto, copyContent, seedSlug, tempDir } from '../helpers/site.ts';
import { freePort } from '../helpers/postgres.ts';
import { freshDatabase, releaseDatabases, removeDatabase } from '../subscriptions/databases.ts';
import { confirmationLink, outboxMessageFor, readOutbox, startService, type TestService } from '../subscriptions/helpers.ts';
import { launchChromium } from './chromium.ts';
import { runAxe, withPage } from './page-checks.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

let site: StaticServer;
let service: TestService;
let browser: Browser;
let location: DatabaseLocation;
let projectDir: string;

beforeAll(async () => {
  // The site's origin and the service's port are known before the build, so the form can post to the service.
  const out = path.join(tempDir(), '_site');
  fs.mkdirSync(out);
  site = await serveStatic(out);
  const serviceOrigin = `http://127.0.0.1:${await freePort()}`;
  const content = copyContent((dir) => {
    const file = path.join(dir, '_data', 'site.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { url: string; subscribe: Record<string, unknown> };
    data.url = site.origin;
    data.subscribe = { ...data.subscribe, action: `${serviceOrigin}/subscribe`, serviceUrl: serviceOrigin };
    fs.writeFileSync(file, JSON.stringify(data, null, 2));
  });
  await buildInto(content, out);
  projectDir = path.dirname(content);
  location = await freshDatabase('embedded');
  service = await startService(projectDir, location, { env: { PORT: new URL(serviceOrigin).port } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  await site?.close();
  removeDatabase(location);
  await releaseDatabases();
});

it('subscribes from an article page without JavaScript, and confirms from the emailed link', async () => {
  const { result, consoleErrors } = await withPage(browser, { width: 375, colorScheme: 'light' }, async (page) => {
    await page.goto(`${site.origin}/articles/${seedSlug}/`);
    await page.getByLabel('Email address').fill('reader@example.org');
    await page.getByLabel('Name (optional)').fill('Kim Reader');
    await Promise.all([
      page.waitForURL(`${site.origin}/newsletter/check-your-inbox/`),
      page.getByRole('button', { name: 'Subscribe' }).click(),
    ]);
    const checkInbox = await page.locator('h1').textContent();
    const axe = await runAxe(page);

    await service.mailerIdle();
    const link = confirmationLink(outboxMessageFor(await readOutbox(projectDir), 'reader@example.org'));
    await page.goto(link);
    await page.waitForURL(`${site.origin}/newsletter/subscribed/`);
    return { checkInbox, subscribed: await page.locator('h1').textContent(), violations: axe.violations.map((v) => v.id) };
  });
  expect(consoleErrors).toEqual([]);
  expect(result.checkInbox).toBe('Check your inbox');
  expect(result.violations).toEqual([]);
  expect(result.subscribed).toBe('You are subscribed');
  const reader = await service.store.show('reader@example.org');
  expect(reader.subscriber).toMatchObject({ status: 'confirmed', name: 'Kim Reader' });
});
