/**
 * Page objects for Aside's own pages, opened as ordinary tabs. They use only the data-testid names of the
 * shared contract contracts/testids.md (Playwright's getByTestId reads `data-testid`).
 */
import { expect, type BrowserContext, type Locator, type Page, type Worker } from '@playwright/test';

export type SidebarAction = 'reply' | 'summarize' | 'translate' | 'rewrite' | 'ask';

/** The id of the (first) tab whose URL matches `pattern`, as the extension sees it. */
export async function tabIdOf(serviceWorker: Worker, pattern = 'https://web.whatsapp.com/*'): Promise<number> {
  const id = await serviceWorker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({ url });
    return tabs[0]?.id ?? null;
  }, pattern);
  if (id === null) throw new Error(`no tab matches ${pattern}`);
  return id;
}

export class ExtensionPages {
  private readonly opened: Page[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
  ) {}

  url(page: string, query = ''): string {
    return `chrome-extension://${this.extensionId}/extension-pages/${page}.html${query}`;
  }

  async openSidebar(tabId: number): Promise<SidebarPage> {
    return new SidebarPage(await this.open(this.url('sidebar', `?tab=${tabId}`)));
  }

  async openOptions(): Promise<OptionsPage> {
    return new OptionsPage(await this.open(this.url('options')));
  }

  async openPopup(): Promise<PopupPage> {
    return new PopupPage(await this.open(this.url('popup')));
  }

  async dispose(): Promise<void> {
    for (const page of this.opened) await page.close().catch(() => {});
  }

  private async open(url: string): Promise<Page> {
    const page = await this.context.newPage();
    this.opened.push(page);
    await page.goto(url);
    return page;
  }
}

export class SidebarPage {
  readonly adapterStatus: Locator;
  readonly providerBadge: Locator;
  readonly askInput: Locator;
  readonly consentDialog: Locator;
  readonly sendPreview: Locator;
  readonly consentAllow: Locator;
  readonly consentDeny: Locator;
  readonly output: Locator;
  readonly suggestions: Locator;
  readonly suggestionTexts: Locator;
  readonly draftWarning: Locator;
  readonly stop: Locator;
  readonly retry: Locator;
  readonly error: Locator;
  /** The tone for replies and rewrites (a select), and the free-text tone it reveals. */
  readonly toneSelect: Locator;
  readonly toneOwn: Locator;
  /** Inside `output`: the inert link destinations, and the confirmation one of them opened. */
  readonly linkTargets: Locator;
  readonly linkConfirm: Locator;

  constructor(readonly page: Page) {
    const id = (name: string) => page.getByTestId(name);
    this.adapterStatus = id('adapter-status');
    this.providerBadge = id('provider-badge');
    this.askInput = id('ask-input');
    this.consentDialog = id('consent-dialog');
    this.sendPreview = id('send-preview');
    this.consentAllow = id('consent-allow');
    this.consentDeny = id('consent-deny');
    this.output = id('output');
    this.suggestions = id('suggestion');
    this.suggestionTexts = id('suggestion-text');
    this.draftWarning = id('draft-warning');
    this.stop = id('stop');
    this.retry = id('retry');
    this.error = id('error');
    this.toneSelect = id('tone-select');
    this.toneOwn = id('tone-own');
    this.linkTargets = this.output.getByTestId('link-target');
    this.linkConfirm = id('link-confirm');
  }

  /** Types a question into ask-input and starts the ask action (consent handled as in `run`). */
  async ask(question: string, options: { consent?: 'allow' | 'deny' } = {}): Promise<void> {
    await this.askInput.fill(question);
    await this.run('ask', options);
  }

  /** Picks a tone preset (`friendly`, `brief`, `formal`) or, with `own`, types the user's own tone. */
  async chooseTone(tone: 'friendly' | 'brief' | 'formal' | { own: string }): Promise<void> {
    if (typeof tone === 'string') {
      await this.toneSelect.selectOption(tone);
    } else {
      await this.toneSelect.selectOption('own');
      await this.toneOwn.fill(tone.own);
    }
  }

  action(name: SidebarAction): Locator {
    return this.page.getByTestId(`action-${name}`);
  }

  suggestion(index: number): { root: Locator; text: Locator; insert: Locator } {
    const root = this.suggestions.nth(index);
    return { root, text: root.getByTestId('suggestion-text'), insert: root.getByTestId('suggestion-insert') };
  }

  /**
   * Clicks an action and, when the sidebar asks for consent first, allows it. Resolves once the action
   * is under way (consent handled), not when it ends.
   */
  async run(name: SidebarAction, { consent = 'allow' }: { consent?: 'allow' | 'deny' } = {}): Promise<void> {
    await this.action(name).click();
    const started = this.consentDialog.or(this.stop).or(this.suggestions.first()).or(this.output).or(this.error);
    await expect(started.first()).toBeVisible();
    if (await this.consentDialog.isVisible()) {
      await (consent === 'allow' ? this.consentAllow : this.consentDeny).click();
    }
  }

  /**
   * Starts recording what the sidebar shows on every DOM change: the suggestion texts and the output
   * text. Call before starting an action; read with `snapshots()`.
   */
  async recordSnapshots(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __asideSnapshots?: { suggestions: string[]; output: string }[] };
      const snaps: { suggestions: string[]; output: string }[] = [];
      w.__asideSnapshots = snaps;
      const take = () => {
        const suggestions = [...document.querySelectorAll('[data-testid="suggestion-text"]')].map(
          (el) => el.textContent ?? '',
        );
        const output = document.querySelector('[data-testid="output"]')?.textContent ?? '';
        const last = snaps[snaps.length - 1];
        if (last && last.output === output && last.suggestions.join('\u0000') === suggestions.join('\u0000')) return;
        snaps.push({ suggestions, output });
      };
      new MutationObserver(take).observe(document.body, { subtree: true, childList: true, characterData: true });
      take();
    });
  }

  snapshots(): Promise<{ suggestions: string[]; output: string }[]> {
    return this.page.evaluate(
      () =>
        (window as unknown as { __asideSnapshots?: { suggestions: string[]; output: string }[] }).__asideSnapshots ??
        [],
    );
  }
}

export interface AssistantForm {
  kind: string;
  baseUrl?: string;
  apiKey?: string;
  model?: string;
}

export class OptionsPage {
  readonly kind: Locator;
  readonly baseUrl: Locator;
  readonly apiKey: Locator;
  readonly model: Locator;
  readonly save: Locator;
  readonly test: Locator;
  readonly settingsExport: Locator;
  readonly settingsImport: Locator;
  readonly egressLog: Locator;

  constructor(readonly page: Page) {
    const id = (name: string) => page.getByTestId(name);
    this.kind = id('provider-kind');
    this.baseUrl = id('provider-base-url');
    this.apiKey = id('provider-api-key');
    this.model = id('provider-model');
    this.save = id('provider-save');
    this.test = id('provider-test');
    this.settingsExport = id('settings-export');
    this.settingsImport = id('settings-import');
    this.egressLog = id('egress-log');
  }

  /** Fills the assistant form and clicks Save (the form names an unnamed assistant itself). */
  async configure(form: AssistantForm): Promise<void> {
    await this.kind.selectOption(form.kind);
    if (form.baseUrl !== undefined) await this.baseUrl.fill(form.baseUrl);
    if (form.apiKey !== undefined) await this.apiKey.fill(form.apiKey);
    if (form.model !== undefined) await this.model.fill(form.model);
    await this.save.click();
  }
}

export class PopupPage {
  readonly assistantPicker: Locator;
  readonly assistantOptions: Locator;
  readonly openSidebar: Locator;

  constructor(readonly page: Page) {
    this.assistantPicker = page.getByTestId('assistant-picker');
    this.assistantOptions = page.getByTestId('assistant-option');
    this.openSidebar = page.getByTestId('open-sidebar');
  }
}
