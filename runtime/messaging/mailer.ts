/**
 * Outgoing mail. With an SMTP URL (env SMTP_URL, e.g. smtp://user:pass@mail.example.com:587
 * or smtps://… for implicit TLS) mail goes out through nodemailer; without one
 * the mailer is "not configured" and queued mail is held in the outbox, where an
 * administrator can read it (see email.ts).
 */
import nodemailer from 'nodemailer';

export const DEFAULT_FROM = 'Stagecraft <no-reply@stagecraft.local>';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  /** False without an SMTP server: nothing is sent, mail is held in the outbox. */
  readonly configured: boolean;
  readonly from: string;
  /**
   * Sends one message; rejects when it was not accepted for anyone (the caller's job is retried).
   * Recipients the server refused while it took the others come back in `rejected`: a retry would
   * send the message again to those who already have it.
   */
  send(mail: OutgoingMail): Promise<{ messageId: string; rejected: string[] }>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string;
  from?: string;
}

// Well under the scheduler's lease renewals, so a dead server fails the attempt instead of hanging it.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

export function createMailer(options: MailerOptions = {}): Mailer {
  const from = options.from?.trim() || DEFAULT_FROM;
  const smtpUrl = options.smtpUrl?.trim();
  if (!smtpUrl) {
    return {
      configured: false,
      from,
      send: () => Promise.reject(new Error('no SMTP server is configured (set SMTP_URL)')),
      close: () => undefined,
    };
  }
  // A typo here would otherwise surface only as failed mail, long after the server started.
  if (!/^smtps?:\/\//i.test(smtpUrl)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
  return {
    configured: true,
    from,
    async send(mail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length >= mail.to.length) throw new Error(`the SMTP server refused every recipient: ${rejected.join(', ')}`);
      return { messageId: String(info.messageId), rejected };
    },
    close: () => transport.close(),
  };
}

/** The server's mailer: SMTP_URL and MAIL_FROM from the environment. */
export function mailerFromEnv(env: Record<string, string | undefined> = process.env): Mailer {
  return createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
}
