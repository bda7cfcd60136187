import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { join } from 'node:path';

// The house rules as the project's own lint configuration applies them, on
// sources that pretend to live at a path inside the tree.
const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function rulesBroken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

describe('context boundaries', () => {
  it("refuses a context reaching into another context's files", async () => {
    const broken = await rulesBroken(
      'libs/pilots/src/example.ts',
      "import { SlotsRepository } from '../../scheduling/src/repositories/slots.repository.js';\nexport const x = SlotsRepository;\n",
    );
    expect(broken).toContain('slussen/context-boundaries');
  });

  it('refuses a deep path behind a public alias', async () => {
    const broken = await rulesBroken(
      'libs/pilots/src/example.ts',
      "import { x } from '@slussen/scheduling/src/slots.service';\nexport const y = x;\n",
    );
    expect(broken).toContain('slussen/context-boundaries');
  });

  it("accepts another context's public index and a context's own files", async () => {
    const broken = await rulesBroken(
      'libs/pilots/src/example.ts',
      "import { BookingsService } from '@slussen/scheduling';\nimport { x } from './pilot-stage.js';\nexport const y = [BookingsService, x];\n",
    );
    expect(broken).not.toContain('slussen/context-boundaries');
  });
});

describe('SQL in repositories', () => {
  const query =
    'export const find = (db: { query(sql: string): unknown }) => db.query(`SELECT id FROM slots WHERE id = 1`);\n';

  it('refuses SQL in a service', async () => {
    expect(await rulesBroken('libs/scheduling/src/example.service.ts', query)).toContain('slussen/sql-in-repositories');
  });

  it('accepts SQL in a repository and in a migration', async () => {
    expect(await rulesBroken('libs/scheduling/src/repositories/example.repository.ts', query)).not.toContain(
      'slussen/sql-in-repositories',
    );
    expect(await rulesBroken('libs/core/src/database/migrations/1-Example.ts', query)).not.toContain(
      'slussen/sql-in-repositories',
    );
  });

  it('does not mistake prose for SQL', async () => {
    const prose = "export const text = 'Select a slot to update the booking';\n";
    expect(await rulesBroken('libs/scheduling/src/example.service.ts', prose)).not.toContain(
      'slussen/sql-in-repositories',
    );
  });
});
