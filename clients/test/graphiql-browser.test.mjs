// Headless Chromium loads the sample's GraphiQL page, types a query into its editor, runs it and reads the result
// pane, as a person would. Every request the page makes must stay on the sample's own origin (the machine may have
// no internet); the screenshot is kept in target/graphiql.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { sampleUrl } from '../lib/sample.mjs';

const TARGET = join(dirname(fileURLToPath(import.meta.url)), '..', 'target');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// With no internet, Chromium otherwise waits on its own background traffic (updates, sync, QUIC probes).
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let userDataDir;
let context;

before(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'fraiseql-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 720 },
  });
});

after(async () => {
  await context?.close();
  if (userDataDir) {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test('GraphiQL loads from the sample alone, runs a typed query and shows its result', async () => {
  const origin = new URL(sampleUrl()).origin;
  const page = await context.newPage();
  const elsewhere = [];
  const failed = [];
  const pageErrors = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith('data:')) {
      elsewhere.push(request.url());
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      failed.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(`${origin}/graphiql`);
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.waitFor({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press('Control+A');
  // insertText, not typing key by key: the editor closes brackets as they are typed.
  await page.keyboard.insertText([
    '{',
    '  book(id: "834feba1-6ee5-3314-277b-995adfd0538c") {',
    '    title',
    '    pages',
    '    author { name }',
    '  }',
    '}',
  ].join('\n'));
  await page.locator('.graphiql-execute-button').click();

  const result = page.locator('.graphiql-response .CodeMirror');
  await page.waitForFunction(() => {
    const text = document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror?.getValue() ?? '';
    return text.includes('"data"') || text.includes('"errors"');
  }, null, { timeout: 30_000 });
  const shown = await result.evaluate((element) => element.CodeMirror.getValue());
  mkdirSync(TARGET, { recursive: true });
  await page.screenshot({ path: join(TARGET, 'graphiql.png') });

  assert.deepEqual(JSON.parse(shown),
      { data: { book: { title: 'Book 0001', pages: 137, author: { name: 'Author 001' } } } });
  assert.match(await page.locator('.graphiql-response').innerText(), /"title": "Book 0001"/);
  assert.deepEqual(elsewhere, [], 'the page fetched from elsewhere than the sample');
  assert.deepEqual(failed, [], 'the page met failed responses');
  assert.deepEqual(pageErrors, [], 'the page threw');
});
