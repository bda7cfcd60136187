import type { TFunction } from 'i18next';
import type { BookingRules } from './types';

/** A test bed's booking rules as sentences a person reads before booking. */
export function rulesInWords(t: TFunction, rules: BookingRules, capacity: number): string[] {
  return [
    rules.requiresApproval
      ? t('catalogue:rules.approval', { count: rules.decisionDays })
      : t('catalogue:rules.noApproval'),
    t('catalogue:rules.lead', { count: rules.minLeadDays }),
    t('catalogue:rules.advance', { count: rules.maxAdvanceDays }),
    t('catalogue:rules.limit', { count: rules.maxActiveBookingsPerCompany }),
    t('catalogue:rules.capacity', { count: capacity }),
  ];
}
