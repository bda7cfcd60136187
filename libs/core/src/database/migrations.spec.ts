import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations.js';

describe('MIGRATIONS', () => {
  it('lists every migration file of the folder, oldest first', () => {
    const files = readdirSync(join(import.meta.dirname, 'migrations'))
      .filter((file) => file.endsWith('.ts'))
      .sort()
      .map((file) => file.replace(/^(\d+)-(.+)\.ts$/, '$2$1'));
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(files);
  });
});
