// The whole schema: every context's entities, for the migration CLI and the
// test that checks entities and migrations agree. The apps do not use this;
// they load entities through each context's module.
import { IDENTITY_ENTITIES } from '@slussen/identity/entities';

export const SCHEMA_ENTITIES = [...IDENTITY_ENTITIES];
