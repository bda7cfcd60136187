import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@slussen/identity';
import { ConversationService } from './conversation.service.js';
import { IDEAS_ENTITIES } from './ideas.entities.js';
import { IdeasPolicy } from './ideas.policy.js';
import { IdeasService } from './ideas.service.js';
import { IdeasMessages } from './messages/ideas.messages.js';
import { AnswersRepository } from './repositories/answers.repository.js';
import { IdeasRepository } from './repositories/ideas.repository.js';
import { MatchesRepository } from './repositories/matches.repository.js';
import { MessagesRepository } from './repositories/messages.repository.js';
import { SluicesRepository } from './repositories/sluices.repository.js';
import { SluicesService } from './sluices.service.js';

/**
 * Sluices, ideas and needs, their conversation and answers; used by both apps.
 * It reads the catalogue only through the views the catalogue publishes, and
 * imports no scheduling: scheduling asks it (`checkBookingLink`) when a
 * booking links an idea, and the database moves an idea to piloting.
 */
@Module({
  imports: [TypeOrmModule.forFeature(IDEAS_ENTITIES), IdentityModule],
  providers: [
    SluicesRepository,
    IdeasRepository,
    AnswersRepository,
    MessagesRepository,
    MatchesRepository,
    SluicesService,
    IdeasService,
    ConversationService,
    IdeasPolicy,
    IdeasMessages,
  ],
  exports: [SluicesService, IdeasService, ConversationService],
})
export class IdeasModule {}
