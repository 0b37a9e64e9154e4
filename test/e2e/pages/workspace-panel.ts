import { expect, type Locator, type Page } from '@playwright/test';

type Kind = 'collection' | 'folder' | 'request';

/** The Collections section of the sidebar, the environment bar and the save flow, through their test ids. */
export class WorkspacePanel {
  readonly page: Page;
  readonly tree: Locator;
  readonly envSelect: Locator;
  readonly envEditor: Locator;
  readonly conflictBanner: Locator;
  /** The conflict banner's "Compare": the draft beside the file on disk. */
  readonly compareDialog: Locator;
  readonly saveButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tree = page.getByTestId('collection-tree');
    this.envSelect = page.getByTestId('env-select');
    this.envEditor = page.getByTestId('env-editor');
    this.conflictBanner = page.getByTestId('conflict-banner');
    this.compareDialog = page.getByTestId('conflict-compare-dialog');
    this.saveButton = page.getByTestId('save-request');
  }

  async show(): Promise<void> {
    await this.page.getByTestId('sidebar-section-collections').click();
    await expect(this.tree).toBeAttached();
  }

  item(kind: Kind, name: string): Locator {
    return this.tree.locator(`[data-testid="tree-item"][data-kind="${kind}"][data-name="${name}"]`);
  }

  async createCollection(name: string): Promise<void> {
    await this.page.getByTestId('new-collection').click();
    await this.answerName(name);
    await expect(this.item('collection', name)).toBeVisible();
  }

  async createFolder(parent: Locator, name: string): Promise<void> {
    await parent.hover();
    await parent.getByTestId('new-folder').click();
    await this.answerName(name);
    await expect(this.item('folder', name)).toBeVisible();
  }

  /** Creates a request in a collection or folder; it opens in a new tab. */
  async createRequest(parent: Locator, name: string): Promise<void> {
    await parent.hover();
    await parent.getByTestId('new-request').click();
    await this.answerName(name);
    await expect(this.item('request', name)).toBeVisible();
  }

  async answerName(name: string): Promise<void> {
    const dialog = this.page.getByTestId('name-dialog');
    await dialog.getByTestId('name-input').fill(name);
    await dialog.getByTestId('name-confirm').click();
    await expect(dialog).toBeHidden();
  }

  tab(name: string): Locator {
    return this.page.getByTestId('tab').filter({ hasText: name });
  }

  /** Opens the environment editor and saves one environment with the given variables. */
  async saveEnvironment(name: string, variables: { name: string; value: string; secret?: boolean }[]): Promise<void> {
    if (!(await this.envEditor.isVisible())) await this.page.getByTestId('env-manage').click();
    await this.envEditor.getByTestId('env-new').click();
    await this.envEditor.getByTestId('env-name').fill(name);
    for (const variable of variables) {
      await this.envEditor.getByTestId('var-name').last().fill(variable.name);
      const row = this.envEditor.getByTestId('var-row').nth(-2);
      if (variable.secret) await row.getByTestId('var-secret').click();
      await row.getByTestId('var-value').fill(variable.value);
    }
    await this.envEditor.getByTestId('env-save').click();
    await expect(this.envEditor.getByTestId('env-list-item').filter({ hasText: name })).toBeVisible();
  }
}
