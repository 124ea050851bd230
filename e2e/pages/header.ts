import type { Locator, Page } from 'playwright-core';

/** The interface languages, as the language menu names them (each in its own language). */
export const LANGUAGES = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español' } as const;
export type LanguageCode = keyof typeof LANGUAGES;

/** The site header. Below 56em its tools fold into a "Menu" button, which these methods open when needed. */
export class SiteHeader {
  readonly banner: Locator;
  /** The phone-width menu toggle; hidden on wide screens. Its name is "Menu" in every language but German. */
  readonly menuButton: Locator;
  /** The language switcher: the header's only select, whatever language it is labelled in. */
  readonly language: Locator;
  readonly signInLink: Locator;
  readonly signUpLink: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('banner');
    this.menuButton = this.banner.getByRole('button', { name: /^(Menu|Menü|Menú)$/ });
    this.language = this.banner.getByRole('combobox');
    this.signInLink = this.banner.getByRole('link', { name: 'Sign in', exact: true });
    this.signUpLink = this.banner.getByRole('link', { name: 'Create an account', exact: true });
  }

  /** The account menu's toggle, named "Your account: <name>" (in English). */
  accountMenu(name: string | RegExp = /^Your account: /): Locator {
    const pattern = typeof name === 'string' ? new RegExp(`^Your account: ${escape(name)}$`) : name;
    return this.banner.getByRole('button', { name: pattern });
  }

  /** Opens the folded menu on narrow screens; does nothing on wide ones. */
  async openTools(): Promise<void> {
    if (
      (await this.menuButton.isVisible()) &&
      (await this.menuButton.getAttribute('aria-expanded')) !== 'true'
    ) {
      await this.menuButton.click();
    }
  }

  async chooseLanguage(code: LanguageCode): Promise<void> {
    await this.openTools();
    await this.language.selectOption({ label: LANGUAGES[code] });
  }

  async openAccountMenu(name?: string): Promise<void> {
    await this.openTools();
    const toggle = this.accountMenu(name);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  /**
   * Opens the account menu and clicks `item` in it. Right after signing in, the page may still be settling
   * (the new session's route and header render once more) and close a menu opened too early: the menu is
   * opened again then, a few times at most.
   */
  private async fromAccountMenu(item: Locator): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.openAccountMenu();
      try {
        await item.click({ timeout: 3_000 });
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  }

  async goToSettings(): Promise<void> {
    await this.fromAccountMenu(this.banner.getByRole('link', { name: 'Account settings' }));
  }

  async signOut(): Promise<void> {
    await this.fromAccountMenu(this.banner.getByRole('button', { name: 'Sign out', exact: true }));
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
