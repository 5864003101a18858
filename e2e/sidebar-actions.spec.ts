/**
 * The sidebar's actions that point at single messages, end to end in real Chromium with the built extension
 * and the fake OpenAI-compatible server: citations in a catch-up and an answer (buttons, validated against
 * the references the prompt gave, scrolling the WhatsApp chat to the cited message), replies to one chosen
 * message with regenerate and edit-before-Insert, and rewriting the user's draft by mode (fix, translate).
 */
import type { Page } from '@playwright/test';
import type { ChatSpec } from './fixtures/whatsapp/page';
import { expect, test } from './support/extension';
import { chatCompletions, promptOf } from './support/chat-requests';
import { tabIdOf, type SidebarPage } from './support/pages';

const OWNER = 'Sam Reyes';
const ANA_ID = '3EB0C1C2D3E4F5060702';
const BEN_ID = '3EB0C1C2D3E4F5060704';

/** A group chat long enough that its first messages scroll out of view. */
const GROUP_CHAT: ChatSpec = {
  title: 'Saturday hike',
  isGroup: true,
  ownerName: OWNER,
  messages: [
    { id: '3EB0C1C2D3E4F5060701', direction: 'out', text: 'Who is in for Saturday?', time: '09:00', date: '14/05/2026' },
    { id: ANA_ID, direction: 'in', sender: 'Ana Souza', text: 'Vamos fazer a trilha no sábado?', time: '09:12', date: '14/05/2026' },
    { id: '3EB0C1C2D3E4F5060703', direction: 'out', text: 'Yes! Trailhead at 8, bring water.', time: '09:15', date: '14/05/2026' },
    { id: BEN_ID, direction: 'in', sender: 'Ben Okafor', text: 'Sam, can you drive? We need a car for four.', time: '09:20', date: '14/05/2026' },
    ...Array.from({ length: 40 }, (_, index) => ({
      id: `3EB0C1C2D3E4F50608${String(index).padStart(2, '0')}`,
      direction: 'in' as const,
      sender: 'Chris Lee',
      text: `Checking the weather, update ${index + 1}: still sunny.`,
      time: '10:00',
      date: '14/05/2026',
    })),
  ],
};

/** The same chat before the weather updates: Ana's message is among the recent ones the picker offers. */
const SHORT_CHAT: ChatSpec = { ...GROUP_CHAT, messages: GROUP_CHAT.messages.slice(0, 4) };

test.describe('sidebar actions that point at messages', () => {
  test.beforeEach(({ fakeOpenAI }) => fakeOpenAI.reset());

  test('catch up: each point cites its messages as buttons; invented references are dropped; a click scrolls the chat there', async ({
    assistant: _assistant,
    whatsApp,
    pages,
    serviceWorker,
    fakeOpenAI,
  }) => {
    const chat = await whatsApp.open(GROUP_CHAT);
    const sidebar = await openReadySidebar(pages, serviceWorker);
    fakeOpenAI.script({
      text: '**Open questions for you**\n\n- Ben asks whether you can drive [m4]\n\n**Plans and dates**\n\n- Hike on Saturday [m2][m99]\n- Pay the deposit [m0]',
    });
    await sidebar.run('summarize');
    await expect(sidebar.output).toContainText('Pay the deposit', { timeout: 10_000 });
    await expect(sidebar.stop).toBeHidden();

    // The prompt numbered every message; the model's [m99] and [m0] were never given, so they do not show.
    const { system, user } = promptOf(chatCompletions(fakeOpenAI)[0]!);
    expect(system).toContain('never invent one');
    expect(user).toContain('[m4] [2026-05-14 09:20] Ben Okafor (participant):');
    const citations = sidebar.output.getByTestId('citation');
    await expect(citations).toHaveText(['m4', 'm2']);
    await expect(sidebar.output).not.toContainText('m99');
    await expect(sidebar.output).not.toContainText('[m');
    await expect(sidebar.output.locator('a')).toHaveCount(0);

    // Scrolled to the end, the chat's first messages are out of view; the citation brings Ana's back.
    const anaRow = rowOf(chat.page, ANA_ID);
    await rowOf(chat.page, '3EB0C1C2D3E4F5060839').scrollIntoViewIfNeeded();
    await expect(anaRow).not.toBeInViewport();
    await citations.nth(1).click();
    // (The brief highlight is a 1.6 s Web Animation: asserted in the unit test, not raced here.)
    await expect(anaRow).toBeInViewport();

    // The same from the keyboard: Tab reaches the citation, Enter presses it.
    await rowOf(chat.page, '3EB0C1C2D3E4F5060839').scrollIntoViewIfNeeded();
    const benRow = rowOf(chat.page, BEN_ID);
    await expect(benRow).not.toBeInViewport();
    await citations.nth(0).focus();
    await sidebar.page.keyboard.press('Enter');
    await expect(benRow).toBeInViewport();
    expect(await chat.sends()).toEqual([]);
  });

  test('ask: the answer points at the messages it used', async ({ assistant: _assistant, whatsApp, pages, serviceWorker, fakeOpenAI }) => {
    const chat = await whatsApp.open(GROUP_CHAT);
    const sidebar = await openReadySidebar(pages, serviceWorker);
    fakeOpenAI.script({ text: 'Ben asked you to **drive** [m4].' });
    await sidebar.ask('Who asked me to do something?');
    await expect(sidebar.output.getByTestId('citation')).toHaveText(['m4'], { timeout: 10_000 });
    await expect(sidebar.output).toContainText('Ben asked you to drive.');
    await rowOf(chat.page, '3EB0C1C2D3E4F5060839').scrollIntoViewIfNeeded();
    await sidebar.output.getByTestId('citation').click();
    await expect(rowOf(chat.page, BEN_ID)).toBeInViewport();
  });

  test('reply to one chosen message: the prompt focuses on it; regenerate asks again; an edited draft is what Insert puts in, unsent', async ({
    assistant: _assistant,
    whatsApp,
    pages,
    serviceWorker,
    fakeOpenAI,
  }) => {
    const chat = await whatsApp.open(SHORT_CHAT);
    const sidebar = await openReadySidebar(pages, serviceWorker);
    const picker = sidebar.page.getByTestId('reply-target');
    await expect(picker.locator('option', { hasText: 'Ana Souza (09:12): Vamos fazer a trilha no sábado?' })).toHaveCount(1);
    await picker.selectOption(ANA_ID);
    await sidebar.chooseTone('brief');

    fakeOpenAI.script({ text: 'Bora!\n---\nSim, vamos.\n---\nClaro, às 8.' });
    await sidebar.run('reply');
    await expect(sidebar.suggestionTexts).toHaveText(['Bora!', 'Sim, vamos.', 'Claro, às 8.'], { timeout: 10_000 });
    const first = promptOf(chatCompletions(fakeOpenAI)[0]!);
    expect(first.system).toContain('Every reply answers the message labelled [m2]');
    expect(first.system).toContain('in the language of the chat');
    expect(first.user).toContain(`[m2] [2026-05-14 09:12] Ana Souza (participant):\n  «data-${first.token}»Vamos fazer a trilha no sábado?«/data-${first.token}»`);
    expect(first.user).toContain(`Tone I want (my own words): «data-${first.token}»brief«/data-${first.token}»`);
    expect(first.user.trimEnd().endsWith('Draft 3 replies for me to [m2].')).toBe(true);

    fakeOpenAI.script({ text: 'Vamos sim!\n---\nTô dentro.\n---\nPode contar comigo.' });
    await sidebar.page.getByTestId('regenerate').click();
    await expect(sidebar.suggestionTexts).toHaveText(['Vamos sim!', 'Tô dentro.', 'Pode contar comigo.'], { timeout: 10_000 });
    const again = promptOf(chatCompletions(fakeOpenAI)[1]!);
    expect(again.system).toContain('Every reply answers the message labelled [m2]');

    const card = sidebar.suggestion(1);
    await card.root.getByTestId('suggestion-edit').click();
    await card.root.getByTestId('suggestion-editor').fill('Tô dentro, levo água!');
    await card.insert.click();
    await expect.poll(() => chat.composerText()).toBe('Tô dentro, levo água!');
    expect(await chat.sends()).toEqual([]);
  });

  test('rewrite by mode: fix keeps the tone out; translate sends the draft for the chat’s language; Insert replaces the draft', async ({
    assistant: _assistant,
    whatsApp,
    pages,
    serviceWorker,
    fakeOpenAI,
  }) => {
    const chat = await whatsApp.open(GROUP_CHAT);
    await chat.type('i can drive, pick u up at 7:30');
    const sidebar = await openReadySidebar(pages, serviceWorker);
    await sidebar.chooseTone('formal');
    const mode = sidebar.page.getByTestId('rewrite-mode');

    await mode.selectOption('fix');
    fakeOpenAI.script({ text: 'I can drive, pick you up at 7:30.' });
    await sidebar.run('rewrite');
    await expect(sidebar.suggestionTexts).toHaveText(['I can drive, pick you up at 7:30.'], { timeout: 10_000 });
    const fix = promptOf(chatCompletions(fakeOpenAI)[0]!);
    expect(fix.system).toContain('Correct the spelling, grammar and punctuation');
    expect(fix.user).toContain(`My draft (my own words): «data-${fix.token}»i can drive, pick u up at 7:30«/data-${fix.token}»`);
    expect(fix.user).not.toContain('Tone I want');

    await mode.selectOption('translate');
    const translated = 'Posso dirigir, pego vocês às 7:30.';
    fakeOpenAI.script({ text: translated });
    await sidebar.run('rewrite');
    await expect(sidebar.suggestionTexts).toHaveText([translated], { timeout: 10_000 });
    const translate = promptOf(chatCompletions(fakeOpenAI)[1]!);
    expect(translate.system).toContain('into the language the other participants of this chat write in');

    await sidebar.suggestion(0).insert.click();
    await expect.poll(() => chat.composerText()).toBe(translated);
    expect(await chat.sends()).toEqual([]);
  });
});

test.describe('translate the selection', () => {
  test.beforeEach(({ fakeOpenAI }) => fakeOpenAI.reset());

  test('only the messages selected in WhatsApp go to the model', async ({ assistant: _assistant, whatsApp, pages, serviceWorker, fakeOpenAI }) => {
    const chat = await whatsApp.open(SHORT_CHAT);
    // The user selects Ana's message with the mouse; the selection stays while they use the sidebar.
    await chat.page.evaluate((id) => {
      const row = document.querySelector(`#main [data-id="${id}"]`)!;
      const range = document.createRange();
      range.selectNodeContents(row);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, ANA_ID);
    const sidebar = await openReadySidebar(pages, serviceWorker);
    fakeOpenAI.script({ text: '**Ana Souza**: Shall we do the hike on Saturday?' });
    await sidebar.page.getByTestId('action-translate-selection').click();
    await expect(sidebar.output).toContainText('Shall we do the hike on Saturday?', { timeout: 10_000 });
    const { user, token } = promptOf(chatCompletions(fakeOpenAI)[0]!);
    expect(user).toContain(`«data-${token}»Vamos fazer a trilha no sábado?«/data-${token}»`);
    expect(user).not.toContain('can you drive');
  });
});

function rowOf(page: Page, id: string) {
  return page.locator(`#main [data-id="${id}"]`);
}

async function openReadySidebar(
  pages: { openSidebar(tabId: number): Promise<SidebarPage> },
  serviceWorker: Parameters<typeof tabIdOf>[0],
): Promise<SidebarPage> {
  const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');
  return sidebar;
}

