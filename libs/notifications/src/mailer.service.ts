import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, singleLine } from '@slussen/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { NotificationsConfig } from './notifications.config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per delivery, so a receiving server can tell a resend from a new message. */
  messageId: string;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
}

/**
 * Sends over SMTP (SMTP_URL). Without SMTP_URL outside production, writes each
 * message as an .eml file under DATA_DIR/mail and logs its path.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter;
  private readonly folder: string | null;

  constructor(
    private readonly config: NotificationsConfig,
    app: AppConfig,
  ) {
    this.folder = config.smtpUrl ? null : resolve(app.dataDir, 'mail');
    // A send ends well within its delivery's lease, so the sweeper never takes back one still going.
    const within = Math.min(60_000, (config.mail.leaseSeconds * 1000) / 4);
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          connectionTimeout: within,
          greetingTimeout: within,
          socketTimeout: within,
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    if (!config.smtpUrl && app.isProduction)
      this.logger.warn(`SMTP_URL is not set: e-mail is written to ${this.folder} instead of being sent`);
  }

  async send(mail: Mail): Promise<void> {
    // Header values are one line of text, whatever a title or name held (singleLine: no CR, LF or other controls).
    const info = await this.transport.sendMail({
      from: this.config.mail.from,
      ...mail,
      to: singleLine(mail.to),
      subject: singleLine(mail.subject),
    });
    if (this.folder) {
      mkdirSync(this.folder, { recursive: true });
      const file = join(
        this.folder,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[<>@]/g, '')}.eml`,
      );
      writeFileSync(file, (info as { message: Buffer }).message);
      this.logger.log(`e-mail to ${mail.to} written to ${file}`);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
