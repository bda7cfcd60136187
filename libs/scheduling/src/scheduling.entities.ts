import { Slot } from './entities/slot.entity.js';

export const SCHEDULING_ENTITIES = [Slot];
