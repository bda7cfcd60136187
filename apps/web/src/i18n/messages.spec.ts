import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve('apps/web/src/i18n');

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

const read = (language: string, file: string) =>
  JSON.parse(readFileSync(join(ROOT, language, file), 'utf8')) as unknown;

describe("the web app's messages", () => {
  const files = readdirSync(join(ROOT, 'sv')).filter((file) => file.endsWith('.json'));

  it('exist in Swedish and English for the same features', () => {
    expect(
      readdirSync(join(ROOT, 'en'))
        .filter((file) => file.endsWith('.json'))
        .sort(),
    ).toEqual(files.sort());
  });

  it.each(files)('%s has the same keys in both languages, none of them empty', (file) => {
    const sv = read('sv', file);
    const en = read('en', file);
    expect(keys(en).sort()).toEqual(keys(sv).sort());
    for (const messages of [sv, en]) {
      const empty = keys(messages).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value === 'string' && value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
