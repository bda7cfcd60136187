import type { Schema } from '../../api/types';

export type Result = Schema<'ResultDto'>;
export type ResultPage = Schema<'ResultPageDto'>;
export type Publication = Schema<'PublicationDto'>;
export type Spread = Schema<'SpreadDto'>;
export type DomainSpread = Schema<'DomainSpreadDto'>;
export type ConsentPart = Publication['parts'][number];

/** The optional parts a side consents to show, in the order the page shows them. */
export const CONSENT_PARTS: ConsentPart[] = ['summary', 'lessons', 'metrics', 'measurements', 'company', 'problem'];
export const OUTCOMES = ['adopted', 'procured', 'extended', 'discontinued'] as const;
export const ENVIRONMENT_TYPES = ['lab', 'simulated', 'real'] as const;
export const SEARCH_KEYS = ['q', 'domain', 'environmentType', 'outcome', 'cursor'] as const;
export type ResultSearch = Partial<Record<(typeof SEARCH_KEYS)[number], string>>;
