import { OUTBOX_CONFIG, type ConfigSlice, type ConfigSliceName } from '@slussen/core';
import { IDEAS_CONFIG } from '@slussen/ideas';
import { IDENTITY_CONFIG } from '@slussen/identity';
import { NOTIFICATIONS_CONFIG } from '@slussen/notifications';
import { PILOTS_CONFIG } from '@slussen/pilots';
import { REPORTING_CONFIG } from '@slussen/reporting';
import { SCHEDULING_CONFIG } from '@slussen/scheduling';

// One entry per slice the contexts declare (ConfigSlices): the compiler refuses a missing one.
const SLICES: { [K in ConfigSliceName]: ConfigSlice<K> } = {
  identity: IDENTITY_CONFIG,
  scheduling: SCHEDULING_CONFIG,
  pilots: PILOTS_CONFIG,
  reporting: REPORTING_CONFIG,
  ideas: IDEAS_CONFIG,
  notifications: NOTIFICATIONS_CONFIG,
  outbox: OUTBOX_CONFIG,
};

/** Every context's settings: validated at start with core's, and each provided under its own class. */
export const CONTEXT_CONFIG: readonly ConfigSlice[] = Object.values(SLICES);
