import { apiToken } from './fixtures';

/** The municipality whose catalogue page the benches fill with 50 test beds. */
export const BENCH_TOWN = 'Mätby';
export const BENCH_SEARCH = `/search?municipality=${encodeURIComponent(BENCH_TOWN)}`;

/** Fifty published test beds in BENCH_TOWN, made by a manager of Region Stockholm (those already there count). */
export async function publishFiftyTestbeds(baseURL: string): Promise<void> {
  const token = await apiToken(baseURL, 'johan.ek@demo.regionstockholm.se');
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const found = (await (await fetch(`${baseURL}/api/v1/testbeds?municipality=${BENCH_TOWN}&limit=50`)).json()) as {
    items: unknown[];
  };
  const me = (await (await fetch(`${baseURL}/api/v1/me`, { headers })).json()) as {
    memberships: Array<{ organizationId: string; kind: string }>;
  };
  const region = me.memberships.find((membership) => membership.kind === 'region')!.organizationId;
  for (let i = found.items.length; i < 50; i++) {
    const created = await fetch(`${baseURL}/api/v1/testbeds`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        organizationId: region,
        name: `Mätbyns testmiljö nummer ${i + 1}`,
        summary: 'En miljö för att mäta hur snabbt katalogen visar femtio träffar.',
        description: 'Den här testbädden finns för att mäta webbappens sökning med femtio träffar på en sida.',
        environmentType: 'lab',
        domains: ['health', 'digital-services'],
        location: { municipality: BENCH_TOWN },
        contactEmail: 'matning@demo.regionstockholm.se',
      }),
    });
    if (created.status !== 201) throw new Error(`test bed ${i + 1} not created: ${created.status}`);
    const { id } = (await created.json()) as { id: string };
    const published = await fetch(`${baseURL}/api/v1/testbeds/${id}/publish`, { method: 'POST', headers });
    if (published.status !== 200) throw new Error(`test bed ${i + 1} not published: ${published.status}`);
  }
}
