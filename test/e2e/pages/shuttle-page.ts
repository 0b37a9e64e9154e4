import { expect, type Locator, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** The Shuttle window as a person uses it, through the stable test ids. */
export class ShuttlePage {
  readonly page: Page;
  readonly method: Locator;
  readonly url: Locator;
  readonly send: Locator;
  readonly headers: Locator;
  readonly status: Locator;
  readonly time: Locator;
  readonly size: Locator;
  readonly responseBody: Locator;
  readonly responseHeaders: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.method = page.getByTestId('method-select');
    this.url = page.getByTestId('url-input');
    this.send = page.getByTestId('send-button');
    this.headers = page.getByTestId('headers-table');
    this.status = page.getByTestId('response-status');
    this.time = page.getByTestId('response-time');
    this.size = page.getByTestId('response-size');
    this.responseBody = page.getByTestId('response-body');
    this.responseHeaders = page.getByTestId('response-headers');
    this.error = page.getByTestId('response-error');
  }

  async open(launchUrl: string): Promise<void> {
    await this.page.goto(launchUrl);
    await expect(this.page.locator('[data-app-state="ready"]')).toBeVisible();
  }

  async compose(method: string, url: string): Promise<void> {
    await this.method.selectOption(method);
    await this.url.fill(url);
  }

  async addHeader(name: string, value: string): Promise<void> {
    await this.openRequestSection('Headers');
    await this.headers.getByTestId('kv-name').last().fill(name);
    await this.headers.getByTestId('kv-value').nth(-2).fill(value);
  }

  async openRequestSection(name: 'Params' | 'Headers' | 'Body' | 'Auth' | 'Settings'): Promise<void> {
    await this.page.locator(`#request-tab-${name.toLowerCase()}`).click();
  }

  async writeBody(mode: 'json' | 'text', text: string): Promise<void> {
    await this.openRequestSection('Body');
    await this.page.getByTestId('body-mode').selectOption(mode);
    const editor = this.page.getByTestId('body-editor').locator('.cm-content');
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(text);
  }

  /** The response body text as shown (CodeMirror renders lines as .cm-line elements). */
  async shownBody(): Promise<string> {
    const lines = await this.responseBody.locator('.cm-line').allTextContents();
    return lines.join('\n');
  }

  async screenshot(name: string): Promise<void> {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png` });
  }
}
