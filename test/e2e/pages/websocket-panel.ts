import { expect, type Locator, type Page } from '@playwright/test';

/** A WebSocket tab as a person uses it, through the stable test ids. */
export class WebSocketPanel {
  readonly page: Page;
  readonly url: Locator;
  readonly connect: Locator;
  readonly state: Locator;
  readonly composer: Locator;
  readonly send: Locator;
  readonly saved: Locator;
  readonly log: Locator;
  readonly messages: Locator;
  readonly filter: Locator;
  readonly pause: Locator;
  readonly count: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.url = page.getByTestId('ws-url');
    this.connect = page.getByTestId('ws-connect');
    this.state = page.getByTestId('ws-state');
    this.composer = page.getByTestId('ws-composer');
    this.send = page.getByTestId('ws-send');
    this.saved = page.getByTestId('ws-saved-messages');
    this.log = page.getByTestId('ws-log');
    this.messages = this.log.getByTestId('ws-message');
    this.filter = page.getByTestId('ws-filter');
    this.pause = page.getByTestId('ws-pause');
    this.count = page.getByTestId('ws-count');
    this.error = page.getByTestId('ws-error');
  }

  /** Opens a new WebSocket tab from the tab bar. */
  async open(): Promise<void> {
    await this.page.getByTestId('new-websocket').click();
    await expect(this.url).toBeVisible();
  }

  async connectTo(url: string): Promise<void> {
    await this.url.fill(url);
    await this.connect.click();
    await expect(this.state).toHaveAttribute('data-state', 'open');
  }

  async openSection(name: 'Message' | 'Params' | 'Headers' | 'Auth' | 'Subprotocols' | 'Settings' | 'Handshake'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  async addHeader(name: string, value: string): Promise<void> {
    await this.openSection('Headers');
    const table = this.page.getByTestId('ws-headers');
    await table.getByTestId('kv-name').last().fill(name);
    await table.getByTestId('kv-value').nth(-2).fill(value);
  }

  /** Replaces the composer's text and picks its format (and, for binary, the encoding). */
  async write(format: 'Text' | 'JSON' | 'Binary', text: string, encoding?: 'Hex' | 'Base64'): Promise<void> {
    await this.openSection('Message');
    await this.page.getByTestId('ws-format').getByRole('radio', { name: format }).check();
    if (encoding) await this.page.getByTestId('ws-encoding').getByRole('radio', { name: encoding }).check();
    await this.composer.locator('.cm-content').click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(text);
  }

  /** Every message ever logged in this tab (kept or dropped), as the counter says. */
  async total(): Promise<number> {
    return Number(await this.count.getAttribute('data-count'));
  }

  /** The content column of the rows currently rendered (the log is virtualised). */
  async shownContents(): Promise<string[]> {
    return this.messages.getByTestId('ws-message-content').allTextContents();
  }
}
