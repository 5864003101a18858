/**
 * Catch up "since your last catch-up", end to end in real Chromium with the built extension and the fake
 * OpenAI-compatible server: a first catch-up of a chat remembers the newest message it covered (in the
 * extension's IndexedDB); messages arrive in the WhatsApp chat; the second catch-up's prompt marks where the
 * first one ended, right before the new messages, and the sidebar says which start applied.
 */
import type { Worker } from '@playwright/test';
import { renderWhatsAppChat } from '../src/content/adapters/whatsapp/fixtures/render-chat';
import type { ChatSpec } from './fixtures/whatsapp/page';
import { expect, test } from './support/extension';
import { chatCompletions, promptOf } from './support/chat-requests';
import { tabIdOf, type SidebarPage } from './support/pages';

const PANE = '[data-testid="conversation-panel-messages"]';
const SINCE_LINE = '--- New messages since the user’s last catch-up ---';
const LAST_OF_FIRST_READ = '3EB0C1C2D3E4F5061703';

const CHAT: ChatSpec = {
  title: 'Book club',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0C1C2D3E4F5061701', direction: 'in', sender: 'Ana Souza', text: 'Next book: Dune?', time: '09:12', date: '14/05/2026' },
    { id: '3EB0C1C2D3E4F5061702', direction: 'out', text: 'Dune it is.', time: '09:15', date: '14/05/2026' },
    { id: LAST_OF_FIRST_READ, direction: 'in', sender: 'Ben Okafor', text: 'Meeting on the 30th at mine.', time: '09:20', date: '14/05/2026' },
  ],
};

const ARRIVALS: ChatSpec = {
  ...CHAT,
  messages: [
    { id: '3EB0C1C2D3E4F5061704', direction: 'in', sender: 'Ana Souza', text: 'Moved to the 31st, sorry!', time: '18:02', date: '14/05/2026' },
    { id: '3EB0C1C2D3E4F5061705', direction: 'in', sender: 'Ben Okafor', text: 'Sam, can you bring snacks?', time: '18:05', date: '14/05/2026' },
  ],
};

test.describe('catch up since the last catch-up', () => {
  test.beforeEach(({ fakeOpenAI }) => fakeOpenAI.reset());

  test('the second catch-up marks where the first ended, before the new messages, and says so', async ({
    assistant: _assistant,
    whatsApp,
    pages,
    serviceWorker,
    fakeOpenAI,
  }) => {
    const chat = await whatsApp.open(CHAT);
    const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
    await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');

    fakeOpenAI.script({ text: '- Next book is Dune [m2]' });
    await catchUp(sidebar, fakeOpenAI, 1);
    await expect(sidebar.output).toContainText('Next book is Dune', { timeout: 10_000 });
    expect(promptOf(chatCompletions(fakeOpenAI)[0]!).user).not.toContain(SINCE_LINE);
    await expect(sidebar.page.getByTestId('task-note').filter({ hasText: 'last catch-up' })).toHaveCount(0);
    // Remembered in the extension's own database, with the history entry.
    await expect.poll(() => rememberedIds(serviceWorker), { timeout: 10_000 }).toEqual([LAST_OF_FIRST_READ]);

    // Two messages arrive in the open chat.
    await chat.page.evaluate(
      ({ html, pane }) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        const rows = [...template.content.querySelectorAll(`${pane} > [role="row"]`)].filter((row) => row.querySelector('[data-id]'));
        for (const row of rows) document.querySelector(pane)!.append(row);
      },
      { html: renderWhatsAppChat(ARRIVALS), pane: PANE },
    );
    await expect(sidebar.adapterStatus).toContainText('5 messages');

    fakeOpenAI.script({ text: '- The meeting moved to the 31st [m4]\n- Ben asks you to bring snacks [m5]' });
    await catchUp(sidebar, fakeOpenAI, 2);
    await expect(sidebar.output).toContainText('bring snacks', { timeout: 10_000 });
    const second = promptOf(chatCompletions(fakeOpenAI)[1]!);
    expect(second.system).toContain('came after the user’s previous catch-up begin. Summarise those');
    expect(second.user).toContain(`«data-${second.token}»Meeting on the 30th at mine.«/data-${second.token}»\n${SINCE_LINE}\n[m4] `);
    expect(second.user.indexOf(SINCE_LINE)).toBeLessThan(second.user.indexOf('Moved to the 31st'));
    await expect(sidebar.page.getByTestId('task-note').filter({ hasText: 'Since your last catch-up (2 new messages).' })).toBeVisible();
    await expect(sidebar.output.getByTestId('citation')).toHaveText(['m4', 'm5']);
    await expect.poll(() => rememberedIds(serviceWorker), { timeout: 10_000 }).toEqual(['3EB0C1C2D3E4F5061705', LAST_OF_FIRST_READ]);
  });
});

/** Clicks Catch up, allows sending when asked, and waits until the fake got the run's request. */
async function catchUp(sidebar: SidebarPage, fakeOpenAI: Parameters<typeof chatCompletions>[0], requests: number): Promise<void> {
  await sidebar.action('summarize').click();
  await expect(async () => {
    if (await sidebar.consentDialog.isVisible()) await sidebar.consentAllow.click();
    expect(chatCompletions(fakeOpenAI)).toHaveLength(requests);
  }).toPass({ timeout: 10_000 });
}

/** The `lastMessageId`s of this chat's stored catch-ups, newest first, read from the extension's IndexedDB. */
function rememberedIds(serviceWorker: Worker): Promise<string[]> {
  return serviceWorker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('aside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('history').objectStore('history').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            const rows = (read.result as { chatKey: string; task: string; createdAt: number; lastMessageId?: string }[]).filter((row) => row.chatKey.includes('Book club'));
            open.result.close();
            resolve(rows.filter((row) => row.task === 'summarize').sort((a, b) => b.createdAt - a.createdAt).flatMap((row) => (row.lastMessageId ? [row.lastMessageId] : [])));
          };
        };
      }),
  );
}
