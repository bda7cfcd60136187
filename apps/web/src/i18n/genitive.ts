/**
 * A name in the genitive, as each language writes it:
 * Swedish adds s, nothing after s, x or z ("Vitalsens piloter"), and a colon after an
 * abbreviation or a digit ("Vitalsens AB:s piloter"); English adds ’s, or ’ after s.
 */
export function genitive(name: string, language: string): string {
  const trimmed = name.trim();
  if (!trimmed) return trimmed;
  if (language.startsWith('en')) return /s$/i.test(trimmed) ? `${trimmed}’` : `${trimmed}’s`;
  const lastWord = trimmed.split(/\s+/).at(-1)!;
  if (/[sxz]$/i.test(trimmed) && lastWord !== lastWord.toUpperCase()) return trimmed;
  // AB, IT, SKR, a number: an abbreviation takes a colon.
  if (/[A-ZÅÄÖ0-9]$/.test(trimmed) && lastWord === lastWord.toUpperCase()) return `${trimmed}:s`;
  if (/[sxz]$/i.test(trimmed)) return trimmed;
  return `${trimmed}s`;
}
