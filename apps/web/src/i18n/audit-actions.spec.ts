import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AUDIT_ACTION_CODES, AUDIT_ACTIONS, auditActionKey } from '../features/organization/auditActions';

const LANGUAGES = ['sv', 'en'] as const;
const SOURCES = ['libs', 'apps/api/src'].map((dir) => resolve(dir));
const DOTTED = /^[a-z][a-z-]*\.[a-z][a-z-]*$/;

const read = (language: string) =>
  JSON.parse(readFileSync(resolve('apps/web/src/i18n', language, 'organization.json'), 'utf8')) as unknown;
const text = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'migrations'
        ? []
        : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** `area.${name}`: the values `name` can take, from a `name: 'a' | 'b'` union in the same file, or from the pilot stage table. */
function expand(area: string, name: string, source: string): string[] | null {
  const union = new RegExp(`\\b${name}\\??: ((?:'[a-z-]+'(?: \\| )?)+)`).exec(source);
  if (union) return [...union[1]!.matchAll(/'([a-z-]+)'/g)].map((match) => `${area}.${match[1]}`);
  if (area === 'pilot' && name === 'to') {
    // pilots.service: `pilot.${to}` where `to` is a stage the TRANSITIONS table leads to.
    const table = /const TRANSITIONS[^=]*= \{([\s\S]*?)\n\};/.exec(
      readFileSync(resolve('libs/pilots/src/pilot-stage.ts'), 'utf8'),
    );
    return table ? [...new Set([...table[1]!.matchAll(/: '([a-z-]+)'/g)].map((match) => `${area}.${match[1]}`))] : null;
  }
  return null;
}

/**
 * Every action the API can write into the audit log, read from the source: the calls of
 * `audit.record(…)`, `recordChange(…)` and a service's own `record(actor, '…')`, `action: '…'`,
 * and `action = … ? '…' : '…'`. Templates such as `testbed.${action}` are expanded.
 */
function actionsInSource(): { actions: Set<string>; unexpanded: string[] } {
  const actions = new Set<string>();
  const unexpanded: string[] = [];
  for (const file of SOURCES.flatMap(sourceFiles)) {
    const source = readFileSync(file, 'utf8');
    if (!/\baudit\.record\(|\brecordChange\(/.test(source)) continue;
    const pieces = [
      ...[...source.matchAll(/\b(?:record|recordChange)\(([^;]*)/g)].map(
        (match) => match[1]!.split(/\b(?:manager|details)\b/)[0]!,
      ),
      // `{ action: '…', … }` (one literal, not a parameter's `action: 'a' | 'b'` type) and `const action = … ? '…' : '…';`
      ...[...source.matchAll(/\baction: ('[^'\n]*')(?=\s*[,}])/g)].map((match) => match[1]!),
      ...[...source.matchAll(/\baction = ([^;]*)/g)].map((match) => match[1]!),
    ];
    for (const piece of pieces) {
      for (const [, literal] of piece.matchAll(/'([^'\n]*)'/g)) if (DOTTED.test(literal!)) actions.add(literal!);
      for (const [whole, area, name] of piece.matchAll(/`([a-z][a-z-]*)\.\$\{(\w+)\}`/g)) {
        const values = expand(area!, name!, source);
        if (values) values.forEach((value) => actions.add(value));
        else unexpanded.push(`${whole} in ${file}`);
      }
    }
  }
  return { actions, unexpanded };
}

describe('audit actions read in Swedish and English', () => {
  const { actions, unexpanded } = actionsInSource();

  it('the scan of the API finds the actions it is known to write (so an empty scan cannot pass)', () => {
    for (const known of [
      'member.add',
      'user.reset-password',
      'testbed.publish',
      'slot.cancel',
      'pilot.plan-approved',
      'pilot.metric-added',
      'pilot.aborted',
      'pilot.source-removed',
    ]) {
      expect(actions).toContain(known);
    }
    expect(unexpanded).toEqual([]);
  });

  it('the organization page knows every audit action the API can write', () => {
    const missing = [...actions].filter((action) => !AUDIT_ACTION_CODES.includes(action)).sort();
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('every audit action and area has a %s text, and so has an unknown one', (language) => {
    const messages = read(language);
    expect(AUDIT_ACTION_CODES.filter((action) => !filled(text(messages, auditActionKey(action))))).toEqual([]);
    expect(Object.keys(AUDIT_ACTIONS).filter((area) => !filled(text(messages, `audit.subject.${area}`)))).toEqual([]);
    for (const key of ['audit.otherChange', 'audit.unknownArea', 'audit.code'])
      expect(filled(text(messages, key))).toBe(true);
  });
});
