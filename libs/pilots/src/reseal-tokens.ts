import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MeasurementSourcesService } from './measurement-sources.service.js';

/**
 * At start, seals again the source tokens sealed before values were bound to
 * their rows (format v1), so that after one start with SECRETS_KEY none is left.
 * Until then they still open. A failure is logged and tried again at the next start.
 */
@Injectable()
export class ResealSourceTokens implements OnApplicationBootstrap {
  private readonly logger = new Logger(ResealSourceTokens.name);

  constructor(private readonly sources: MeasurementSourcesService) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const resealed = await this.sources.resealLegacyTokens();
      if (resealed > 0) this.logger.log(`sealed ${resealed} measurement source token(s) again, bound to their rows`);
    } catch (error) {
      this.logger.warn(`source tokens not sealed again: ${(error as Error).message}`);
    }
  }
}
