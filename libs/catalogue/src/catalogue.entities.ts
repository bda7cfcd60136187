import { Testbed } from './entities/testbed.entity.js';

export { Testbed };
export const CATALOGUE_ENTITIES = [Testbed];
