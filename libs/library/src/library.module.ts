import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@slussen/identity';
import { PilotsModule } from '@slussen/pilots';
import { LIBRARY_ENTITIES } from './library.entities.js';
import { LibraryPolicy } from './library.policy.js';
import { LibraryMessages } from './messages/library.messages.js';
import { ResultsRepository } from './repositories/results.repository.js';
import { ResultsService } from './results.service.js';

/**
 * The results library: consents to publish completed pilots, the public
 * results and their adoptions; used by both apps (the worker sends its messages).
 * It reads pilots through PilotsService and the views their owners publish.
 */
@Module({
  imports: [TypeOrmModule.forFeature(LIBRARY_ENTITIES), IdentityModule, PilotsModule],
  providers: [ResultsRepository, ResultsService, LibraryPolicy, LibraryMessages],
  exports: [ResultsService],
})
export class LibraryModule {}
