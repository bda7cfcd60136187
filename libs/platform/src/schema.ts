// The whole schema: every context's entities, for the migration CLI and the
// test that checks entities and migrations agree. The apps do not use this;
// they load entities through each context's module. Assembled here, not in
// core, so that core imports no context.
import { CATALOGUE_ENTITIES } from '@slussen/catalogue/entities';
import { IDENTITY_ENTITIES } from '@slussen/identity/entities';
import { LIBRARY_ENTITIES } from '@slussen/library/entities';
import { IDEAS_ENTITIES } from '@slussen/ideas/entities';
import { NOTIFICATIONS_ENTITIES } from '@slussen/notifications/entities';
import { PILOTS_ENTITIES } from '@slussen/pilots/entities';
import { REPORTING_ENTITIES } from '@slussen/reporting/entities';
import { SCHEDULING_ENTITIES } from '@slussen/scheduling/entities';
import { CORE_ENTITIES } from '@slussen/core';

export const SCHEMA_ENTITIES = [
  ...CORE_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...CATALOGUE_ENTITIES,
  ...SCHEDULING_ENTITIES,
  ...PILOTS_ENTITIES,
  ...REPORTING_ENTITIES,
  ...LIBRARY_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...IDEAS_ENTITIES,
];
