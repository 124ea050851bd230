import type { Locator, Page } from 'playwright-core';
import { AppPage } from './auth.ts';

export const SETTINGS_TABS = {
  profile: 'Profile',
  email: 'E‑mail address',
  password: 'Password',
  sessions: 'Devices',
  tokens: 'API tokens',
} as const;
export type SettingsTab = keyof typeof SETTINGS_TABS;

/** /settings: vertical tabs (the open one is in the URL) with one card each. */
export class SettingsPage extends AppPage {
  readonly main: Locator;

  constructor(page: Page) {
    super(page);
    this.main = page.getByRole('main');
  }

  async openTab(base: string, tab: SettingsTab): Promise<void> {
    await this.open(base, tab === 'profile' ? '/settings' : `/settings?tab=${tab}`);
    await this.tab(tab).and(this.page.locator('[aria-selected="true"]')).waitFor();
  }

  tab(tab: SettingsTab): Locator {
    return this.main.getByRole('tab', { name: SETTINGS_TABS[tab], exact: true });
  }

  /** A toast or inline confirmation, by its words. */
  said(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  // Profile
  get displayName(): Locator {
    return this.main.getByLabel('Name', { exact: true });
  }
  /** The profile's language field (the header has a language select too, hence the scope). */
  get profileLanguage(): Locator {
    return this.main.getByRole('combobox', { name: /^(Language|Langue|Sprache|Idioma)$/ });
  }
  get save(): Locator {
    return this.main.getByRole('button', { name: 'Save changes' });
  }

  // API tokens
  get tokenName(): Locator {
    return this.main.getByLabel('Token name');
  }
  get createToken(): Locator {
    return this.main.getByRole('button', { name: 'Create token' });
  }
  get tokenSecret(): Locator {
    return this.main.getByRole('textbox', { name: 'Your new token' });
  }
  get copiedIt(): Locator {
    return this.main.getByRole('button', { name: 'I have copied it' });
  }
  tokenRow(name: string): Locator {
    return this.main.getByRole('listitem').filter({ hasText: name });
  }
  revokeToken(name: string): Locator {
    return this.main.getByRole('button', { name: `Revoke ${name}`, exact: true });
  }

  // Devices
  get devices(): Locator {
    return this.main.getByRole('listitem');
  }
  get thisDevice(): Locator {
    return this.devices.filter({ hasText: 'This device' });
  }
  get signOutOthers(): Locator {
    return this.main.getByRole('button', { name: 'Sign out of all other devices' });
  }

  /** The open modal dialog, by its title. */
  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }
}
