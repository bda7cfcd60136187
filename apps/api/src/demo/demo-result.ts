import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@slussen/core';
import { AccountsService } from '@slussen/identity';
import { ResultsService } from '@slussen/library';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from './demo-data.js';

/** The demo's published result: which pilot of the history, and who adopts it. */
export const DEMO_RESULT = {
  /** Demo companies with a login (history pilots of the others have nobody to consent). */
  companies: ['Gatuljus Systems AB', 'EduPlay AB'],
  /** Elderly-care test beds, in order of preference. */
  testbeds: [
    'Äldreboendet Solgården – avdelning för välfärdsteknik',
    'Hemmiljölabb för trygg hemgång',
    'Måltidslabbet för äldreomsorgen',
  ],
  adopter: 'lina.nguyen@demo.malmo.se',
  note: 'Infört på två av stadens vård- och omsorgsboenden efter en egen kortare prövning.',
};

/**
 * One published result in the results library, adopted by Malmö stad: a
 * completed pilot of the history on an elderly-care test bed, run by a demo
 * company with a login. Both sides consent through the library (as people
 * would in the web app), then Malmö stad's manager records the adoption.
 * Returns the result's id, or null when the history holds no such pilot.
 */
export async function seedPublishedResult(app: INestApplicationContext): Promise<string | null> {
  const [pilot]: Array<{ id: string; company: string; manager: string; recorded_at: Date }> = await app
    .get(DataSource)
    .query(
      `SELECT p.id, o.recorded_at,
              (SELECT u.email FROM users u JOIN memberships m ON m.user_id = u.id
                WHERE m.organization_id = p.organization_id ORDER BY u.email LIMIT 1) AS company,
              (SELECT u.email FROM users u JOIN memberships m ON m.user_id = u.id
                WHERE m.organization_id = t.organization_id AND m.role IN ('admin', 'manager') ORDER BY m.role DESC, u.email LIMIT 1) AS manager
         FROM pilots p JOIN pilot_outcomes o ON o.pilot_id = p.id JOIN testbeds t ON t.id = p.testbed_id
         JOIN organizations c ON c.id = p.organization_id
        WHERE p.stage = 'completed' AND c.name = ANY($1::text[]) AND t.name = ANY($2::text[])
        ORDER BY o.result = 'adopted' DESC, o.recorded_at < now() - interval '60 days' DESC, array_position($2::text[], t.name),
                 o.recorded_at DESC, p.id
        LIMIT 1`,
      [DEMO_RESULT.companies, DEMO_RESULT.testbeds],
    );
  if (!pilot) return null;
  const accounts = app.get(AccountsService);
  const as = async (email: string) => (await accounts.authenticate(email, DEMO_PASSWORD))!;
  const results = app.get(ResultsService);
  await results.consent(await as(pilot.company), pilot.id, { consent: true });
  const published = await results.consent(await as(pilot.manager), pilot.id, { consent: true });
  const adopter = await as(DEMO_RESULT.adopter);
  const adoptedAt = new Date(
    Math.min(app.get(Clock).now().getTime(), new Date(pilot.recorded_at).getTime() + 45 * 86_400_000),
  );
  await results.adopt(adopter, published.resultId!, {
    organizationId: adopter.memberships[0]!.organizationId,
    adoptedAt: adoptedAt.toISOString().slice(0, 10),
    note: DEMO_RESULT.note,
  });
  return published.resultId;
}
