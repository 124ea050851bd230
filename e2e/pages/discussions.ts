import type { Locator } from 'playwright-core';
import { AppPage } from './auth.ts';

/** A thread: its posts by number, reactions, and the reply box at the bottom. */
export class TopicPage extends AppPage {
  readonly posts = this.page.locator('article.post');
  readonly replyBox = this.page.getByRole('textbox', { name: 'Your reply' });
  readonly sendReply = this.page.getByRole('button', { name: 'Post reply' });

  post(number: number): Locator {
    return this.page.locator(`#post-${number}`);
  }

  async reply(markdown: string): Promise<void> {
    await this.replyBox.fill(markdown);
    await this.sendReply.click();
  }

  reactionButton(number: number, label: 'Like' | 'Insightful' | 'Thanks'): Locator {
    return this.post(number).getByRole('button', { name: new RegExp(`^${label}`) });
  }

  async react(number: number, label: 'Like' | 'Insightful' | 'Thanks'): Promise<void> {
    await this.reactionButton(number, label).click();
  }

  /** The number shown on a reaction, or '' when nobody reacted that way. */
  async reactionCount(number: number, label: 'Like' | 'Insightful' | 'Thanks'): Promise<string> {
    const count = this.reactionButton(number, label).locator('.reaction__count');
    return (await count.count()) ? ((await count.textContent()) ?? '') : '';
  }
}
