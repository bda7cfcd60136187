// What the catalogue answers, as the API's document describes it.
import type { Schema } from '../../api/types';

export type Testbed = Schema<'TestbedDto'>;
export type EnvironmentType = Testbed['environmentType'];
export type BookingRules = Schema<'BookingRulesDto'>;
export type Domain = Schema<'DomainDto'>;
/** An organization that owns a published test bed. */
export type Owner = Schema<'TestbedOwnerListItemDto'>;
/** A slot as a signed-in company sees it: whether it may book it, and if not why. */
export type Slot = Schema<'SlotDto'>;

export const ENVIRONMENT_TYPES: EnvironmentType[] = ['lab', 'simulated', 'real'];
