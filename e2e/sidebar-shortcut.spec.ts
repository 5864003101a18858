/**
 * The "catch up" keyboard command, fired for real (xdotool into the virtual X display; Playwright's keyboard
 * never reaches Chrome's command handling): it opens the side panel and starts a catch-up of the open chat.
 * Needs a headed browser (scripts/run-e2e.mjs runs headed under xvfb-run) and xdotool.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import type { Worker } from '@playwright/test';
import type { ChatSpec } from './fixtures/whatsapp/page';
import { HEADED, expect, test } from './support/extension';

const hasXdotool = spawnSync('sh', ['-c', 'command -v xdotool'], { stdio: 'ignore' }).status === 0;

const CHAT: ChatSpec = {
  title: 'Saturday hike',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0E1C2D3E4F5060701', direction: 'in', sender: 'Ana Souza', text: 'Trailhead on Saturday at 8?', time: '09:12', date: '14/05/2026' },
    { id: '3EB0E1C2D3E4F5060702', direction: 'in', sender: 'Ben Okafor', text: 'Sam, can you drive?', time: '09:20', date: '14/05/2026' },
  ],
};

async function assignedShortcut(serviceWorker: Worker, command: string): Promise<string> {
  const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());
  return commands.find((entry) => entry.name === command)?.shortcut ?? '';
}

/** Sends a key chord (Chrome's notation, e.g. "Alt+Shift+U") to the visible Chromium window. */
function pressInChromium(shortcut: string): void {
  const chord = shortcut
    .split('+')
    .map((key) => ({ Ctrl: 'ctrl', Alt: 'alt', Shift: 'shift', Command: 'super', MacCtrl: 'ctrl' })[key] ?? key.toLowerCase())
    .join('+');
  execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'chromium', 'windowfocus', '--sync', 'key', '--clearmodifiers', chord], {
    timeout: 10_000,
    stdio: 'pipe',
  });
}

test.describe('catch-up shortcut', () => {
  test.skip(!HEADED, 'needs a headed browser: run through `npm run test:e2e` (xvfb-run) or set ASIDE_HEADED=1');
  test.skip(!hasXdotool, 'needs xdotool (apt-get install xdotool) to press a real key chord');

  test('catch-up (Alt+Shift+U) opens the side panel and asks for a catch-up of the open chat', async ({
    assistant: _assistant,
    serviceWorker,
    whatsApp,
    fakeOpenAI,
  }) => {
    const shortcut = await assignedShortcut(serviceWorker, 'catch-up');
    expect(shortcut, 'Chrome assigned no key to the catch-up command').toBe('Alt+Shift+U');
    fakeOpenAI.reset();
    fakeOpenAI.script({ text: '- Ben asks whether you can drive [m2]' });

    const chat = await whatsApp.open(CHAT);
    await chat.page.bringToFront();
    await chat.composer.click();
    pressInChromium(shortcut);

    const request = await fakeOpenAI.waitForRequest((entry) => entry.method === 'POST' && entry.path.startsWith('/v1/chat/completions'), 10_000);
    expect(request.rawBody).toContain('Catch the user up on this group chat');
    expect(request.rawBody).toContain('[m2]');
    // Catching up is not sending: the chord typed nothing and nothing was sent.
    expect(await chat.composerText()).toBe('');
    expect(await chat.sends()).toEqual([]);
  });
});
