import type { Locator, Page } from 'playwright-core';

/** Labels that contain "e‑mail" use a non-breaking hyphen (U+2011): match them loosely. */
const EMAIL = /^E.mail address$/;

/** What every page has: one <h1>, and an error summary after a failed submit. */
export class AppPage {
  readonly h1: Locator;
  /** The "There is a problem" box (role alert, named by its title). */
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    this.h1 = page.getByRole('heading', { level: 1 });
    this.errorSummary = page.getByRole('alert', { name: 'There is a problem' });
  }

  /** Opens `path` on `base` and waits until the page shows its heading. */
  async open(base: string, path: string): Promise<void> {
    await this.page.goto(new URL(path, base).href);
    await this.h1.first().waitFor();
  }
}

export class SetupPage extends AppPage {
  readonly name = this.page.getByLabel('Name', { exact: true });
  readonly email = this.page.getByLabel(EMAIL);
  readonly password = this.page.getByLabel('Password', { exact: true });
  readonly submit = this.page.getByRole('button', { name: 'Create operator account' });

  async createOperator(a: { displayName: string; email: string; password: string }): Promise<void> {
    await this.name.fill(a.displayName);
    await this.email.fill(a.email);
    await this.password.fill(a.password);
    await this.submit.click();
  }
}

export class SignUpPage extends AppPage {
  readonly name = this.page.getByLabel('Name', { exact: true });
  readonly email = this.page.getByLabel(EMAIL);
  readonly password = this.page.getByLabel('Password', { exact: true });
  readonly submit = this.page.getByRole('button', { name: 'Create account', exact: true });

  async signUp(a: { displayName: string; email: string; password: string }): Promise<void> {
    await this.name.fill(a.displayName);
    await this.email.fill(a.email);
    await this.password.fill(a.password);
    await this.submit.click();
  }
}

export class SignInPage extends AppPage {
  readonly email = this.page.getByLabel(EMAIL);
  readonly password = this.page.getByLabel('Password', { exact: true });
  readonly submit = this.page.getByRole('main').getByRole('button', { name: 'Sign in', exact: true });
  readonly forgotLink = this.page.getByRole('link', { name: 'Forgot your password?' });
  /** Shown when the address is not confirmed yet, with a button to send the link again. */
  readonly unverifiedAlert = this.page
    .getByRole('alert')
    .filter({ hasText: /Confirm your e.mail address first/ });
  readonly resendButton = this.page.getByRole('button', { name: 'Send a new link' });

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}

export class ForgotPasswordPage extends AppPage {
  readonly email = this.page.getByLabel(EMAIL);
  readonly submit = this.page.getByRole('button', { name: 'Send reset link' });

  async requestLink(email: string): Promise<void> {
    // The URL changes before React shows the page: wait for it, or the sign-in page's e-mail field is filled.
    await this.page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    await this.email.fill(email);
    await this.submit.click();
  }
}

export class ResetPasswordPage extends AppPage {
  readonly password = this.page.getByLabel('New password', { exact: true });
  readonly submit = this.page.getByRole('button', { name: 'Save new password' });
  readonly invalidLink = this.page.getByRole('alert').filter({ hasText: 'This link is not valid' });
  readonly requestNewLink = this.page.getByRole('link', { name: 'Ask for a new link' });

  async choose(password: string): Promise<void> {
    await this.password.fill(password);
    await this.submit.click();
  }
}

/** /verify-email: the e-mailed link only opens it; the token is used when the button is pressed. */
export class VerifyEmailPage extends AppPage {
  readonly confirm = this.page.getByRole('button', { name: /^Confirm my e.mail address$/ });
}

/** Signs in through the form and waits until the app has moved on from the sign-in page. */
export async function signInAs(
  page: Page,
  base: string,
  account: { email: string; password: string },
): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.open(base, '/sign-in');
  await signIn.signIn(account.email, account.password);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}
