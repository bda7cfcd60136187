/** The namespaces every page may read; each language's are one chunk (sv/index.ts, en/index.ts). */
export const NAMESPACES = [
  'common',
  'catalogue',
  'booking',
  'identity',
  'manage',
  'pilots',
  'problems',
  'statement',
  'organization',
  'platform',
  'invitations',
  'reports',
  'library',
  'ideas',
] as const;

export type Namespace = (typeof NAMESPACES)[number];

/** A language's message files (`./pilots.json`, ...) by namespace. */
export function namespacesOf(files: Record<string, object>): Record<Namespace, object> {
  const byName = Object.fromEntries(
    Object.entries(files).map(([path, messages]) => [path.replace(/^\.\/|\.json$/g, ''), messages]),
  );
  for (const namespace of NAMESPACES)
    if (!byName[namespace]) throw new Error(`The messages of namespace ${namespace} are missing`);
  return byName as Record<Namespace, object>;
}
