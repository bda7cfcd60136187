import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface DevelopmentSecrets {
  jwtSecret: string;
  secretsKey: string;
}

export const DEVELOPMENT_SECRETS_FILE = 'development-secrets.json';

/**
 * The secrets of a development installation (NODE_ENV other than production,
 * JWT_SECRET or SECRETS_KEY unset): random on first start, then kept in
 * DATA_DIR/development-secrets.json, readable by the owner only (0600), so the
 * API, the worker and later starts share them and nobody else knows them.
 * Creating the file is atomic (written aside, then hard-linked into place), so
 * two processes starting at once end up with the same secrets.
 */
export function developmentSecrets(dataDir: string): DevelopmentSecrets {
  const file = resolve(dataDir, DEVELOPMENT_SECRETS_FILE);
  const existing = read(file);
  if (existing) return existing;

  mkdirSync(dirname(file), { recursive: true });
  const fresh: DevelopmentSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    secretsKey: randomBytes(48).toString('base64url'),
  };
  const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(aside, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(aside, file);
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process made them first: use theirs.
    const theirs = read(file);
    if (!theirs)
      throw new Error(`${file} is not a readable secrets file; remove it to have new secrets made`, { cause: error });
    return theirs;
  } finally {
    unlinkSync(aside);
  }
}

function read(file: string): DevelopmentSecrets | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // Keep the file the owner's alone, whoever loosened it.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const parsed = JSON.parse(text) as Partial<DevelopmentSecrets>;
  if (
    typeof parsed.jwtSecret !== 'string' ||
    parsed.jwtSecret.length < 32 ||
    typeof parsed.secretsKey !== 'string' ||
    parsed.secretsKey.length < 32
  ) {
    throw new Error(`${file} is not a readable secrets file; remove it to have new secrets made`);
  }
  return { jwtSecret: parsed.jwtSecret, secretsKey: parsed.secretsKey };
}
