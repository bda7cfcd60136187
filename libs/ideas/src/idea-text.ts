/**
 * Text queries for PostgreSQL's Swedish full-text search, built from what a
 * person typed. Only letters and digits pass, so no input can break the
 * tsquery syntax (as the catalogue's search does).
 */
const wordsOf = (text: string, limit: number): string[] => {
  const seen = new Set<string>();
  for (const word of text.toLocaleLowerCase('sv').match(/[\p{L}\p{N}]+/gu) ?? []) {
    seen.add(word);
    if (seen.size >= limit) break;
  }
  return [...seen];
};

/** Every word a stemmed prefix, all required: the list's `?q=` (`äldreboende` finds `äldreboendet`). */
export function allWordsQuery(q: string): string | null {
  const words = wordsOf(q, 10);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
}

/**
 * Any word a stemmed prefix, for duplicates while a person types: the more
 * words an existing idea shares, the higher it ranks. Words of one or two
 * letters say little and are left out (unless nothing else is left).
 */
export function anyWordQuery(q: string): string | null {
  const words = wordsOf(q, 20);
  const telling = words.filter((word) => word.length > 2);
  const chosen = telling.length ? telling : words;
  return chosen.length ? chosen.map((word) => `${word}:*`).join(' | ') : null;
}

/** The words of an idea's own text, any of them, for matching test beds (whole words: the text is finished). */
export function matchQuery(text: string): string | null {
  const words = wordsOf(text, 40).filter((word) => word.length > 3);
  return words.length ? words.join(' | ') : null;
}
