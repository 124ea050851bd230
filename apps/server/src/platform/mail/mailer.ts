import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { DB } from '../../db/schema.ts';
import { addMs, iso, MINUTE, type Clock } from '../clock.ts';
import { newId } from '../crypto.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Queues a message inside the caller's transaction (outbox): a crash cannot lose it. */
  enqueue(executor: Kysely<DB>, mail: OutgoingMail): Promise<void>;
  /** Sends what is due now; resolves when this round is done. Safe to call often and from many instances. */
  flush(): Promise<number>;
  close(): Promise<void>;
}

const MAX_ATTEMPTS = 8;
const CLAIM_MS = 2 * MINUTE;

export interface MailerOptions {
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
  from: string;
  /** SMTP URL; without it each message becomes an .eml file in `outboxDir`. */
  smtpUrl: string | undefined;
  outboxDir: string;
}

export function createMailer(opts: MailerOptions): Mailer {
  const { db, clock, log } = opts;
  const transport: Transporter = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let running: Promise<number> | null = null;
  let again = false;

  async function deliver(mail: OutgoingMail, id: string): Promise<void> {
    const info = await transport.sendMail({ from: opts.from, ...mail });
    if (!opts.smtpUrl) {
      mkdirSync(opts.outboxDir, { recursive: true });
      const file = path.join(opts.outboxDir, `${iso(clock.now()).replace(/[:.]/g, '-')}-${id}.eml`);
      writeFileSync(file, info.message as Buffer);
      const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
      // Development only (no SMTP configured): the link is logged so sign-up works on a laptop.
      log.info({ to: mail.to, subject: mail.subject, link, file }, 'e-mail written to outbox folder');
    }
  }

  async function round(): Promise<number> {
    const now = clock.now();
    const due = await db
      .selectFrom('email_outbox')
      .select(['id', 'to_address', 'subject', 'text_body', 'html_body', 'attempts'])
      .where('sent_at', 'is', null)
      .where('next_attempt_at', '<=', iso(now))
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', iso(now))]))
      .orderBy('next_attempt_at')
      .limit(50)
      .execute();
    let sent = 0;
    for (const row of due) {
      const claimed = await db
        .updateTable('email_outbox')
        .set({ claimed_until: iso(addMs(clock.now(), CLAIM_MS)) })
        .where('id', '=', row.id)
        .where('sent_at', 'is', null)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', iso(clock.now()))]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // another instance has it
      try {
        await deliver(
          {
            to: row.to_address,
            subject: row.subject,
            text: row.text_body,
            ...(row.html_body ? { html: row.html_body } : {}),
          },
          row.id,
        );
        await db
          .updateTable('email_outbox')
          .set({ sent_at: iso(clock.now()), claimed_until: null, last_error: null })
          .where('id', '=', row.id)
          .execute();
        sent++;
      } catch (err) {
        const attempts = row.attempts + 1;
        const backoff =
          attempts >= MAX_ATTEMPTS ? 365 * 24 * 60 * MINUTE : Math.min(2 ** attempts, 60) * MINUTE;
        log.warn({ err: (err as Error).message, mailId: row.id, attempts }, 'e-mail delivery failed');
        await db
          .updateTable('email_outbox')
          .set({
            attempts,
            claimed_until: null,
            last_error: (err as Error).message.slice(0, 500),
            next_attempt_at: iso(addMs(clock.now(), backoff)),
          })
          .where('id', '=', row.id)
          .execute();
      }
    }
    return sent;
  }

  return {
    async enqueue(executor, mail) {
      const now = iso(clock.now());
      await executor
        .insertInto('email_outbox')
        .values({
          id: newId(),
          to_address: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html ?? null,
          created_at: now,
          attempts: 0,
          next_attempt_at: now,
          claimed_until: null,
          sent_at: null,
          last_error: null,
        })
        .execute();
    },
    flush() {
      if (running) {
        again = true;
        return running;
      }
      const loop = async (): Promise<number> => {
        let total = 0;
        do {
          again = false;
          total += await round();
        } while (again);
        return total;
      };
      running = loop()
        .catch((err: unknown) => {
          log.error({ err }, 'outbox flush failed');
          return 0;
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
    async close() {
      if (running) await running;
      transport.close();
    },
  };
}
