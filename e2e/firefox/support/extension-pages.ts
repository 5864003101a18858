/**
 * Aside's own pages in Firefox, driven only through the data-testid names of contracts/testids.md
 * (puppeteer has no getByTestId: `testId()` builds the selector).
 */
import type { Browser, Page } from 'puppeteer-core';
import { extensionPageUrl, openExtensionPage } from './firefox';

/** The slice of Firefox's own `browser` global (extension pages have it natively) these helpers call. */
interface ExtensionGlobals {
  browser: {
    permissions: {
      contains(permissions: { origins: string[] }): Promise<boolean>;
      getAll(): Promise<{ data_collection?: string[] }>;
      remove(permissions: { data_collection: string[] }): Promise<boolean>;
    };
    tabs: { query(query: { url: string }): Promise<Array<{ id?: number }>> };
    sidebarAction?: { isOpen(details: object): Promise<boolean> };
    commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
  };
  chrome?: { sidePanel?: unknown };
}

/** What a Firefox extension page sees of the sidebar APIs and the commands the manifest declared. */
export interface SidebarApisSeen {
  sidebarActionOpen: boolean | null;
  sidePanel: string;
  commands: Record<string, string>;
}

export function testId(name: string): string {
  return `[data-testid="${name}"]`;
}

export interface AssistantForm {
  kind: string;
  baseUrl: string;
  apiKey: string;
  model: string;
}

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser): Promise<OptionsPage> {
    const page = await openExtensionPage(browser, extensionPageUrl('options'));
    await page.waitForSelector(testId('provider-kind'));
    return new OptionsPage(page);
  }

  /** Fills the assistant form as a user would, clicks Save and waits for the "Saved" notice. */
  async configure(form: AssistantForm): Promise<void> {
    await this.page.select(testId('provider-kind'), form.kind);
    await this.page.locator(testId('provider-base-url')).fill(form.baseUrl);
    await this.page.locator(testId('provider-api-key')).fill(form.apiKey);
    await this.page.locator(testId('provider-model')).fill(form.model);
    await this.page.locator(testId('provider-save')).click();
    await this.page.waitForSelector(testId('save-result'), { timeout: 10_000 });
  }

  /** Whether the browser holds host access to `origin` (asked for by Save), as the extension sees it. */
  hasOriginPermission(origin: string): Promise<boolean> {
    return this.page.evaluate(
      (pattern: string) => (globalThis as unknown as ExtensionGlobals).browser.permissions.contains({ origins: [pattern] }),
      `${origin}/*`,
    );
  }

  /** The optional data types (Firefox's built-in data consent) the user grants Aside now, sorted. */
  dataConsent(): Promise<string[]> {
    return this.page.evaluate(async () =>
      [...((await (globalThis as unknown as ExtensionGlobals).browser.permissions.getAll()).data_collection ?? [])].sort(),
    );
  }

  /** Withdraws one data type, as turning it off in about:addons → Permissions and data does. */
  async withdrawDataConsent(type: string): Promise<void> {
    await this.page.evaluate(
      (name: string) => (globalThis as unknown as ExtensionGlobals).browser.permissions.remove({ data_collection: [name] }),
      type,
    );
  }

  /** The sidebar APIs this browser offers the add-on, and its commands with their shortcuts. */
  sidebarApis(): Promise<SidebarApisSeen> {
    return this.page.evaluate(async () => {
      const globals = globalThis as unknown as ExtensionGlobals;
      const sidebarAction = globals.browser.sidebarAction;
      const commands = await globals.browser.commands.getAll();
      return {
        sidebarActionOpen: sidebarAction ? await sidebarAction.isOpen({}) : null,
        sidePanel: typeof globals.chrome?.sidePanel,
        commands: Object.fromEntries(commands.map((command) => [command.name ?? '', command.shortcut ?? ''])),
      };
    });
  }

  /** The id of the first tab whose URL matches `pattern`, from the extension's side (the `tabs` API). */
  async tabIdOf(pattern: string): Promise<number> {
    const id = await this.page.evaluate(
      async (url: string) => (await (globalThis as unknown as ExtensionGlobals).browser.tabs.query({ url }))[0]?.id ?? null,
      pattern,
    );
    if (id === null) throw new Error(`no tab matches ${pattern}`);
    return id;
  }
}

export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser): Promise<PopupPage> {
    const page = await openExtensionPage(browser, extensionPageUrl('popup'));
    await page.waitForSelector(testId('open-sidebar'));
    return new PopupPage(page);
  }

  /** A real click (a user gesture, which sidebarAction.open() requires). The popup closes itself after. */
  clickOpenSidebar(): Promise<void> {
    return this.page.locator(testId('open-sidebar')).click();
  }
}

export class SidebarPage {
  private constructor(readonly page: Page) {}

  /** The sidebar as an ordinary tab, bound to `tabId` (contracts/testids.md). */
  static async open(browser: Browser, tabId: number): Promise<SidebarPage> {
    return new SidebarPage(await openExtensionPage(browser, extensionPageUrl('sidebar', `?tab=${tabId}`)));
  }

  attribute(name: string, attribute: string): Promise<string | null> {
    return this.page.$eval(testId(name), (element, attributeName) => element.getAttribute(attributeName), attribute).catch(() => null);
  }

  text(name: string): Promise<string | null> {
    return this.page.$eval(testId(name), (element) => element.textContent).catch(() => null);
  }

  texts(name: string): Promise<string[]> {
    return this.page.$$eval(testId(name), (elements) => elements.map((element) => element.textContent ?? ''));
  }

  isShown(name: string): Promise<boolean> {
    return this.page.$(testId(name)).then((handle) => (handle ? handle.isVisible() : false));
  }

  /**
   * Clicks an action and waits for the consent dialog of a remote assistant. It comes after the run has
   * started (Stop shows while the chat is read), so Stop alone does not mean the request left.
   */
  async startAskingConsent(action: 'reply' | 'summarize'): Promise<void> {
    await this.page.locator(testId(`action-${action}`)).click();
    await this.page.waitForSelector(testId('consent-dialog'), { visible: true, timeout: 10_000 });
  }

  /**
   * Clicks an action and, when the sidebar asks for consent first, allows it. Returns once the consent is
   * answered, or the run shows a result or an error without asking, or ends (Stop gone after it showed).
   */
  async run(action: 'reply' | 'summarize'): Promise<void> {
    await this.page.locator(testId(`action-${action}`)).click();
    const deadline = Date.now() + 10_000;
    let stopSeen = false;
    for (;;) {
      if (await this.isShown('consent-dialog')) {
        await this.page.locator(testId('consent-allow')).click();
        return;
      }
      if ((await this.isShown('suggestion')) || (await this.isShown('error'))) return;
      const stop = await this.isShown('stop');
      if (stopSeen && !stop) return;
      stopSeen ||= stop;
      if (Date.now() > deadline) throw new Error(`${action}: no consent dialog, result or error within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Clicks Insert on the suggestion at `index`. */
  async insert(index: number): Promise<void> {
    const buttons = await this.page.$$(testId('suggestion-insert'));
    const button = buttons[index];
    if (!button) throw new Error(`no suggestion-insert at index ${index} (found ${buttons.length})`);
    await button.click();
  }
}
