import { Extensions1795819638944 } from './migrations/1795819638944-Extensions.js';

/**
 * Every migration, oldest first. Listed as classes, not a glob, so that dist,
 * tsx and jest load them the same way; a unit test checks none is missing.
 */
export const MIGRATIONS = [Extensions1795819638944];
