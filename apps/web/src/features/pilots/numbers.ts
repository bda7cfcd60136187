import type { TFunction } from 'i18next';

/** A number in the page's language: 3,5 on a Swedish page, 3.5 on an English one. */
export const formatNumber = (value: number, language: string) =>
  new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 }).format(value);

/**
 * A number as a person types it: "7", "-2", "3,5" or "3.5" (a Swedish decimal
 * comma too), spaces ignored. Null for an empty field, undefined when it is not
 * a finite number.
 */
export function parseNumber(text: string): number | null | undefined {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.')
    .replace(/^[\u2212–]/, '-');
  if (cleaned === '') return null;
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

/** A metric's accepted values in words ("at least 0", "0 to 120"), or null when any number goes. */
export function boundsText(
  t: TFunction,
  metric: { minimum: number | null; maximum: number | null },
  language: string,
): string | null {
  const [minimum, maximum] = [metric.minimum, metric.maximum].map((value) =>
    value === null ? null : formatNumber(value, language),
  );
  if (minimum !== null && maximum !== null) return t('pilots:boundsBoth', { minimum, maximum });
  if (minimum !== null) return t('pilots:boundsMin', { minimum });
  if (maximum !== null) return t('pilots:boundsMax', { maximum });
  return null;
}
