import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';

/** Sealed with AES-256-GCM and no associated data: read only, re-sealed as CURRENT at start. */
const LEGACY = 'v1';
/** AES-256-GCM, a 16-byte tag, and the value's place (`table:id:column`) as associated data. */
const CURRENT = 'v2';
const TAG_BYTES = 16;
const IV_BYTES = 12;

/**
 * Encrypts small secrets at rest (a pilot source's bearer token, a webhook's
 * signing secret) with AES-256-GCM under a key derived from SECRETS_KEY. A
 * stored value reads `v2.<iv>.<tag>.<ciphertext>` (base64url) and is bound to
 * its place: the `context` given to `seal` (such as
 * `webhook_subscriptions:<id>:secret`) is authenticated as associated data, so
 * a value copied into another row or column does not open. The tag is always
 * 16 bytes, on both sides: GCM would otherwise accept a truncated tag.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.secretsKey, 'slussen', 'secret-box v1', 32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      CURRENT,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ciphertext.toString('base64url'),
    ].join('.');
  }

  /** Opens a value sealed for this context (or a legacy `v1` value, which carries none); throws when it was changed or moved. */
  open(sealed: string, context: string): string {
    const [version, iv, tag, ciphertext, extra] = sealed.split('.');
    if ((version !== CURRENT && version !== LEGACY) || !iv || !tag || ciphertext === undefined || extra !== undefined)
      throw new Error('not a sealed secret');
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, ivBytes, { authTagLength: TAG_BYTES });
    if (version === CURRENT) decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** How a value in the current format begins; one that does not should be sealed again. */
  readonly currentPrefix = `${CURRENT}.`;
}
