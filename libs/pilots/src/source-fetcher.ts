import { guardedRequest, OutboundFetchError, type OutboundLimits } from '@slussen/core';

/**
 * GETs a measurement source's JSON through the guarded outbound client: no
 * redirects followed, one deadline, a byte cap, non-public addresses refused
 * at connect time unless the operator allows them.
 */
export async function fetchSource(
  raw: string,
  token: string | null,
  limits: OutboundLimits,
): Promise<{ status: number; body: unknown }> {
  const { status, body } = await guardedRequest(
    raw,
    {
      method: 'GET',
      headers: {
        accept: 'application/json',
        'user-agent': 'Slussen-Measurements/1',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    },
    limits,
  );
  if (status < 200 || status >= 300)
    throw new OutboundFetchError(
      `answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`,
      status,
    );
  try {
    return { status, body: JSON.parse(body.toString('utf8')) };
  } catch {
    throw new OutboundFetchError('answer is not JSON', status);
  }
}
