import type { Locator, Page } from '@playwright/test';

/** The sidebar's History section, through its stable test ids. */
export class HistoryPanelPage {
  readonly page: Page;
  readonly list: Locator;
  readonly items: Locator;
  readonly search: Locator;
  readonly filterToggle: Locator;
  readonly filters: Locator;
  readonly empty: Locator;
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('history-list');
    this.items = this.list.getByTestId('history-item');
    this.search = page.getByTestId('history-search');
    this.filterToggle = page.getByTestId('history-filter-toggle');
    this.filters = page.getByTestId('history-filter');
    this.empty = page.getByTestId('history-empty');
    this.notice = page.getByTestId('history-notice');
  }

  /** The entries whose line shows this text (a path, a status). */
  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text });
  }

  /** The entry whose path (and query) is exactly this. */
  itemWithPath(path: string): Locator {
    return this.items.filter({ has: this.page.locator('.history-item-path').getByText(path, { exact: true }) });
  }

  async open(item: Locator): Promise<void> {
    await item.getByTestId('history-open').click();
  }

  /** Runs one of an entry's hover actions (they show on hover or keyboard focus). */
  async act(item: Locator, action: 'diff-select' | 'history-resend' | 'history-delete'): Promise<void> {
    await item.hover();
    await item.getByTestId(action).click();
  }

  async compareSelected(): Promise<void> {
    await this.page.getByTestId('diff-compare').click();
  }

  async filterBy(filter: 'method' | 'status' | 'time', value: string): Promise<void> {
    if (!(await this.filters.isVisible())) await this.filterToggle.click();
    await this.page.getByTestId(`history-filter-${filter}`).selectOption(value);
  }
}

/** The response diff view. */
export class DiffViewPage {
  readonly root: Locator;
  readonly body: Locator;
  /** Rows that differ; equal rows carry no data-change. */
  readonly changedRows: Locator;
  readonly headers: Locator;
  readonly summary: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('diff-view');
    this.body = this.root.getByTestId('diff-body');
    this.changedRows = this.body.locator('[data-change]');
    this.headers = this.root.getByTestId('diff-headers');
    this.summary = this.root.getByTestId('diff-summary');
  }

  async showHeaders(): Promise<void> {
    await this.root.getByTestId('diff-section-headers').click();
  }

  async layout(layout: 'split' | 'unified'): Promise<void> {
    await this.root.getByTestId(`diff-layout-${layout}`).check();
  }
}
