import { Injectable } from '@nestjs/common';
import { IdentityConfig } from './identity.config.js';
import argon2, { type HashOptions } from 'argon2';

@Injectable()
export class PasswordService {
  private readonly options: HashOptions & { raw?: false };
  /** Verified against when the e-mail is unknown, so a login takes as long either way. */
  private readonly decoy: Promise<string>;

  constructor(config: IdentityConfig) {
    this.options = {
      type: argon2.argon2id,
      memoryCost: config.argon2.memoryKib,
      timeCost: config.argon2.timeCost,
      parallelism: 1,
    };
    this.decoy = argon2.hash('slussen-decoy-password', this.options);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      await argon2.verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
