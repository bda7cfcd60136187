import { Injectable } from '@nestjs/common';
import { AppConfig } from '@slussen/core';
import { createHmac, hkdfSync } from 'node:crypto';

const PREFIX = { password: 'slp_', invitation: 'sli_' } as const;
export type LinkKind = keyof typeof PREFIX;

/**
 * The secret in an e-mailed link (a password link, an invitation), derived
 * from its row's id under a key only the servers hold. The database keeps the
 * token's SHA-256 and the outbox only the row's id, so neither can open the
 * link; the worker derives the token again when it writes the e-mail.
 */
@Injectable()
export class LinkTokens {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.jwt.secret, 'slussen', 'identity link tokens v1', 32));
  }

  tokenOf(kind: LinkKind, id: string): string {
    return `${PREFIX[kind]}${createHmac('sha256', this.key).update(`${kind}:${id}`).digest('base64url')}`;
  }
}
