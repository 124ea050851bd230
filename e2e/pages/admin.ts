import type { Locator, Page } from 'playwright-core';
import { AppPage } from './auth.ts';

/** /admin/users: the operator's list of accounts, with search and suspend/reinstate. */
export class AdminUsersPage extends AppPage {
  readonly main: Locator;
  readonly search: Locator;
  readonly status: Locator;
  readonly searchButton: Locator;
  readonly suspendDialog: Locator;

  constructor(page: Page) {
    super(page);
    this.main = page.getByRole('main');
    this.search = this.main.getByRole('searchbox', { name: /^Search by name or e.mail$/ });
    this.status = this.main.getByRole('combobox', { name: 'Status' });
    this.searchButton = this.main.getByRole('button', { name: 'Search', exact: true });
    this.suspendDialog = page.getByRole('dialog', { name: 'Suspend account' });
  }

  /** The way an operator gets here: "Administration" in the header, then the "Accounts" section. */
  async reachFromHeader(): Promise<void> {
    await this.page.getByRole('banner').getByRole('link', { name: 'Administration' }).click();
    await this.main
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Accounts', exact: true })
      .click();
    await this.page.waitForURL((url) => url.pathname === '/admin/users');
  }

  async find(text: string): Promise<void> {
    await this.search.fill(text);
    await this.searchButton.click();
  }

  /** The list entry of an account, found by its (unique) address. */
  row(email: string): Locator {
    return this.main.getByRole('listitem').filter({ hasText: email });
  }

  async suspend(displayName: string, reason: string): Promise<void> {
    await this.main.getByRole('button', { name: `Suspend ${displayName}`, exact: true }).click();
    await this.suspendDialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await this.suspendDialog.getByRole('button', { name: 'Suspend account' }).click();
  }

  reinstateButton(displayName: string): Locator {
    return this.main.getByRole('button', { name: `Reinstate ${displayName}`, exact: true });
  }
}
