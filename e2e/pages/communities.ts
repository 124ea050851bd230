import type { Locator, Page } from 'playwright-core';
import { AppPage } from './auth.ts';

/** Labels that contain "e‑mail" use a non-breaking hyphen (U+2011): match them loosely. */
const INVITE_EMAILS = /^E.mail addresses$/;

/**
 * Chooses a person in a people picker the way a keyboard user does: type part of the name, wait for the
 * option, move to it with the arrow keys, Enter. Returns once the person shows among the chosen.
 */
export async function pickPerson(
  page: Page,
  picker: Locator,
  chosen: Locator,
  typed: string,
  displayName: string,
): Promise<void> {
  await picker.fill(typed);
  const options = page.getByRole('listbox').getByRole('option');
  await options.filter({ hasText: displayName }).waitFor();
  const names = await options.allInnerTexts();
  const index = names.findIndex((n) => n.includes(displayName));
  for (let i = 0; i <= index; i++) await picker.press('ArrowDown');
  await picker.press('Enter');
  await chosen.getByText(displayName, { exact: true }).waitFor();
}

export const COMMUNITY_SETTINGS_TABS = {
  general: 'General',
  members: 'Members',
  requests: 'Requests',
  invitations: 'Invitations',
  lifecycle: 'Lifecycle',
  groups: 'Working groups',
} as const;
export type CommunitySettingsTab = keyof typeof COMMUNITY_SETTINGS_TABS;

/** What a new community is created with on /admin/communities/new. */
export interface NewCommunity {
  name: string;
  shortDescription: string;
  description: string;
  visibility: 'Public' | 'Members only' | 'Hidden';
  joinPolicy: 'Anyone can join' | 'Join on request' | 'By invitation only';
  /** Display names of accounts to make facilitators, found through the picker. */
  facilitators?: string[];
}

/** /admin/communities and /admin/communities/new: the operator's list and the creation form. */
export class CreateCommunityPage extends AppPage {
  readonly main: Locator = this.page.getByRole('main');
  readonly createLink: Locator = this.main.getByRole('link', { name: 'Create a community', exact: true });
  readonly name: Locator = this.main.getByLabel('Name', { exact: true });
  readonly slug: Locator = this.main.getByLabel('Web address', { exact: true });
  readonly shortDescription: Locator = this.main.getByLabel('Short description', { exact: true });
  readonly description: Locator = this.main.getByLabel('Description', { exact: true });
  readonly facilitatorPicker: Locator = this.main.getByRole('combobox', { name: 'Facilitators (optional)' });
  readonly chosen: Locator = this.main.getByRole('list', { name: 'Chosen facilitators' });
  readonly submit: Locator = this.main.getByRole('button', { name: 'Create community', exact: true });

  /** Fills the form (the web address keeps its suggestion) and returns the suggested address. */
  async fill(c: NewCommunity): Promise<string> {
    await this.name.fill(c.name);
    const slug = await this.slug.inputValue();
    await this.shortDescription.fill(c.shortDescription);
    await this.description.fill(c.description);
    await this.main.getByRole('radio', { name: c.visibility, exact: true }).check();
    await this.main.getByRole('radio', { name: c.joinPolicy, exact: true }).check();
    for (const person of c.facilitators ?? [])
      await pickPerson(this.page, this.facilitatorPicker, this.chosen, person.slice(0, 4), person);
    return slug;
  }
}

/** /c/:slug and its sections: the hero, the section tabs and the membership panel. */
export class CommunityPage extends AppPage {
  readonly main: Locator = this.page.getByRole('main');
  readonly sections: Locator = this.main.getByRole('navigation', { name: 'Community sections' });
  readonly membership: Locator = this.main.getByRole('region', { name: 'Your membership' });
  readonly askToJoin: Locator = this.main.getByRole('button', { name: 'Ask to join', exact: true });
  readonly requestDialog: Locator = this.page.getByRole('dialog', { name: /^Ask to join / });
  readonly motivation: Locator = this.requestDialog.getByRole('textbox', {
    name: 'Why do you want to join?',
  });
  readonly sendRequest: Locator = this.requestDialog.getByRole('button', { name: 'Send request' });
  readonly waiting: Locator = this.main.getByText('Your request is waiting', { exact: true });
  readonly member: Locator = this.main.getByText('You are a member', { exact: true });
  readonly requestsWaiting: Locator = this.main.getByRole('link', {
    name: /^\d+ membership requests? (is|are) waiting for an answer$/,
  });

  section(name: 'Overview' | 'Members' | 'Working groups' | 'About' | 'Settings'): Locator {
    return this.sections.getByRole('link', { name, exact: true });
  }

  async askToJoinWith(motivation: string): Promise<void> {
    await this.askToJoin.click();
    await this.motivation.fill(motivation);
    await this.sendRequest.click();
  }
}

/** /c/:slug/settings: vertical tabs (the open one is in the URL), one card each. */
export class CommunitySettingsPage extends AppPage {
  readonly main: Locator = this.page.getByRole('main');
  readonly inviteEmails: Locator = this.main.getByRole('textbox', { name: INVITE_EMAILS });
  readonly invitePeople: Locator = this.main.getByRole('combobox', { name: 'People on DISCUSS' });
  readonly peopleToInvite: Locator = this.main.getByRole('list', { name: 'People to invite' });
  readonly sendInvitations: Locator = this.main.getByRole('button', { name: 'Send invitations' });
  /** The cover image's file input (labelled "Cover image", like its card), its preview and its remove button. */
  readonly coverFile: Locator = this.main
    .locator('input[type="file"]')
    .and(this.main.getByLabel('Cover image', { exact: true }));
  readonly coverPreview: Locator = this.main.getByRole('img', { name: 'Current cover image' });
  readonly removeCover: Locator = this.main.getByRole('button', { name: 'Remove cover image' });

  tab(tab: CommunitySettingsTab): Locator {
    // The requests tab also says how many are waiting ("Requests 1 1 waiting").
    const name = COMMUNITY_SETTINGS_TABS[tab];
    return this.main.getByRole('tab', { name: new RegExp(`^${name}\\b`) });
  }

  async openTab(base: string, slug: string, tab: CommunitySettingsTab): Promise<void> {
    await this.open(base, `/c/${slug}/settings${tab === 'general' ? '' : `?tab=${tab}`}`);
    await this.tab(tab).and(this.page.locator('[aria-selected="true"]')).waitFor();
  }

  approve(displayName: string): Locator {
    return this.main.getByRole('button', { name: `Approve ${displayName}`, exact: true });
  }

  /** Approves a waiting request from the requests tab, with an optional note in the dialog. */
  async approveRequest(displayName: string, note?: string): Promise<void> {
    await this.approve(displayName).click();
    const dialog = this.page.getByRole('dialog', { name: `Approve ${displayName}?` });
    if (note) await dialog.getByRole('textbox', { name: 'Note to the person (optional)' }).fill(note);
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  }

  async invite(emails: string[]): Promise<void> {
    await this.inviteEmails.fill(emails.join('\n'));
    await this.sendInvitations.click();
  }
}

/** /invitations/:token for someone without an account: the invitation and a short sign-up form. */
export class InvitationPage extends AppPage {
  readonly main: Locator = this.page.getByRole('main');
  readonly name: Locator = this.main.getByLabel('Name', { exact: true });
  readonly password: Locator = this.main.getByLabel('Password', { exact: true });
  readonly submit: Locator = this.main.getByRole('button', { name: 'Create account and join' });

  async signUp(displayName: string, password: string): Promise<void> {
    await this.name.fill(displayName);
    await this.password.fill(password);
    await this.submit.click();
  }
}

/** The toast region: a short confirmation after an action. */
export function toast(page: Page, text: string): Locator {
  return page.getByRole('status').getByText(text, { exact: true });
}
