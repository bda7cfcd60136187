import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NAMESPACES, namespacesOf } from './namespaces';

const ROOT = resolve('apps/web/src/i18n');

describe('the namespaces a language chunk carries', () => {
  it('are every message file of each language, no more', () => {
    for (const language of ['sv', 'en'])
      expect(
        readdirSync(join(ROOT, language))
          .filter((file) => file.endsWith('.json'))
          .map((file) => file.replace(/\.json$/, ''))
          .sort(),
      ).toEqual([...NAMESPACES].sort());
  });

  it('are read from the files by their names, and a missing one is said at once', () => {
    const files = Object.fromEntries(NAMESPACES.map((name) => [`./${name}.json`, { name }]));
    expect(namespacesOf(files).pilots).toEqual({ name: 'pilots' });
    const { ['./ideas.json']: _ideas, ...withoutIdeas } = files;
    expect(() => namespacesOf(withoutIdeas)).toThrow('The messages of namespace ideas are missing');
  });
});
