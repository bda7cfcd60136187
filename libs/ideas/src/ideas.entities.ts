import { IdeaAnswer } from './entities/idea-answer.entity.js';
import { IdeaEvent } from './entities/idea-event.entity.js';
import { IdeaFollower } from './entities/idea-follower.entity.js';
import { IdeaMessage } from './entities/idea-message.entity.js';
import { IdeaTestbed } from './entities/idea-testbed.entity.js';
import { Idea } from './entities/idea.entity.js';
import { Sluice } from './entities/sluice.entity.js';

/** Exported for the foreign key of a booking linked to an idea (scheduling's `bookings.idea_id`). */
export { Idea };
export const IDEAS_ENTITIES = [Sluice, Idea, IdeaTestbed, IdeaFollower, IdeaMessage, IdeaAnswer, IdeaEvent];
