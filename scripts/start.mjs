#!/usr/bin/env node
/**
 * `npm run start`: builds dist/chrome (the npm script does that), then opens Chromium with Aside loaded,
 * a persistent profile in .aside-profile/ (so your WhatsApp login and settings survive restarts), and
 * tabs for https://web.whatsapp.com/ and Aside's options page. Runs until you close the browser.
 * Chromium: $CHROME_PATH, else /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distChrome = join(root, 'dist', 'chrome');
const distFirefox = join(root, 'dist', 'firefox');
const profile = join(root, '.aside-profile');
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

console.log(`Aside builds:
  Chrome / Chromium / Edge: ${distChrome}${existsSync(distChrome) ? '' : '  (not built: npm run build:chrome)'}
    Load by hand: open chrome://extensions, turn on Developer mode, "Load unpacked", pick that folder.
  Firefox: ${distFirefox}${existsSync(distFirefox) ? '' : '  (not built: npm run build:firefox)'}
    Load by hand: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", pick its manifest.json.
`);

if (!existsSync(join(distChrome, 'manifest.json'))) {
  console.error('start: dist/chrome/manifest.json is missing; run `npm run build:chrome` first.');
  process.exit(1);
}
if (!existsSync(executablePath)) {
  console.error(`start: no Chromium at ${executablePath}; install it (apt-get install chromium) or set CHROME_PATH.`);
  process.exit(1);
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: false,
  viewport: null,
  ignoreDefaultArgs: ['--enable-automation'],
  args: [
    `--disable-extensions-except=${distChrome}`,
    `--load-extension=${distChrome}`,
    '--no-first-run',
    '--no-default-browser-check',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});

const worker = context.serviceWorkers().find((sw) => sw.url().startsWith('chrome-extension://'))
  ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
const extensionId = new URL(worker.url()).host;
const optionsUrl = `chrome-extension://${extensionId}/extension-pages/options.html`;

const [first] = context.pages();
const whatsapp = first ?? (await context.newPage());
await whatsapp.goto('https://web.whatsapp.com/', { waitUntil: 'commit' }).catch((error) => {
  console.warn(`start: could not open WhatsApp Web (${error.message.split('\n')[0]}); the browser stays open.`);
});
const options = await context.newPage();
await options.goto(optionsUrl);

// The keys Chrome actually assigned: it refuses suggested keys that it keeps for itself.
const commands = await worker.evaluate(() => chrome.commands.getAll()).catch(() => []);
const shortcuts = commands
  .filter((command) => command.name !== '_execute_action')
  .map((command) => `    ${command.shortcut || '(no key: set one at chrome://extensions/shortcuts)'}  ${command.description || command.name}`);

console.log(`Chromium is running with Aside ${extensionId} (profile: ${profile}).
  Options: ${optionsUrl}
  Shortcuts:
${shortcuts.join('\n')}
Close the browser window to stop.`);

await new Promise((resolve) => context.on('close', resolve));
process.exit(0);
