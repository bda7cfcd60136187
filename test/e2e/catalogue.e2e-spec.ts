import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow, testbedBody } from '../catalogue-fixtures.js';

describe('catalogue: test beds', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let region: { id: string };
  let manager: TestUser;
  const api = () => request(app.getHttpServer());
  const as = (user: TestUser) => `Bearer ${user.token}`;

  beforeAll(async () => {
    app = await createApiApp();
    factory = new IdentityFactory(app);
    region = await factory.organization('region', { name: 'Region Uppsala' });
    manager = await factory.member(region.id, 'manager');
  });
  afterAll(() => app.close());

  it('lists the domain vocabulary in Swedish and English, to anyone', async () => {
    const response = await api().get('/api/v1/domains');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual(
      expect.arrayContaining([{ key: 'elderly-care', labels: { sv: 'Äldreomsorg', en: 'Elderly care' } }]),
    );
  });

  describe('lifecycle', () => {
    it('creates a draft with a slug and defaults, publishes it, and retires it', async () => {
      const created = await api()
        .post('/api/v1/testbeds')
        .set('Authorization', as(manager))
        .send(
          testbedBody(region.id, { name: 'Äldreboendet Solgården, avd. 3', rules: undefined, timezone: undefined }),
        );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        slug: expect.stringMatching(/^aldreboendet-solgarden-avd-3/),
        timezone: 'Europe/Stockholm',
        rules: {
          requiresApproval: true,
          minLeadDays: 14,
          maxAdvanceDays: 365,
          maxActiveBookingsPerCompany: 2,
          decisionDays: 10,
        },
        trl: { min: 5, max: 8 },
        location: { municipality: 'Stockholm', address: 'Vårdvägen 1', lat: 59.33, lon: 18.06 },
        publishedAt: null,
      });
      const id = created.body.id;

      // A draft is the owner's alone.
      expect((await api().get(`/api/v1/testbeds/${id}`)).status).toBe(404);
      expect((await api().get(`/api/v1/testbeds/${id}`).set('Authorization', as(manager))).status).toBe(200);

      const published = await api().post(`/api/v1/testbeds/${id}/publish`).set('Authorization', as(manager));
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
      expect((await api().get(`/api/v1/testbeds/${id}`)).status).toBe(200);
      expect((await api().post(`/api/v1/testbeds/${id}/publish`).set('Authorization', as(manager))).status).toBe(409);

      const retired = await api().post(`/api/v1/testbeds/${id}/retire`).set('Authorization', as(manager));
      expect(retired.status).toBe(200);
      expect(retired.body.status).toBe('retired');
      expect((await api().post(`/api/v1/testbeds/${id}/publish`).set('Authorization', as(manager))).status).toBe(409);
      expect(
        (await api().patch(`/api/v1/testbeds/${id}`).set('Authorization', as(manager)).send({ summary: 'x' })).status,
      ).toBe(409);
    });

    it('will not publish an incomplete profile, and says what is missing', async () => {
      const created = await api()
        .post('/api/v1/testbeds')
        .set('Authorization', as(manager))
        .send(testbedBody(region.id, { description: 'Kort.', domains: [], contactEmail: undefined }));
      const response = await api()
        .post(`/api/v1/testbeds/${created.body.id}/publish`)
        .set('Authorization', as(manager));
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'contactEmail',
        'description',
        'domains',
      ]);
    });

    it('updates part of a profile, merging nested fields', async () => {
      const testbed = await createTestbed(app, manager.token, region.id);
      const response = await api()
        .patch(`/api/v1/testbeds/${testbed.id}`)
        .set('Authorization', as(manager))
        .send({ location: { address: 'Nya gatan 2' }, rules: { minLeadDays: 3 }, trl: { max: 9 } });
      expect(response.status).toBe(200);
      expect(response.body.location).toEqual({
        municipality: 'Stockholm',
        address: 'Nya gatan 2',
        lat: 59.33,
        lon: 18.06,
      });
      expect(response.body.rules).toMatchObject({ minLeadDays: 3, requiresApproval: true });
      expect(response.body.trl).toEqual({ min: 5, max: 9 });
    });

    it('validates the profile', async () => {
      const bad = await api()
        .post('/api/v1/testbeds')
        .set('Authorization', as(manager))
        .send(testbedBody(region.id, { domains: ['astrology'], environmentType: 'virtual', timezone: 'Mars/Olympus' }));
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(
        expect.arrayContaining(['domains', 'environmentType']),
      );
      const zone = await api()
        .post('/api/v1/testbeds')
        .set('Authorization', as(manager))
        .send(testbedBody(region.id, { timezone: 'Mars/Olympus' }));
      expect(zone.status).toBe(400);
      expect(zone.body.errors).toEqual([expect.objectContaining({ field: 'timezone' })]);
      const trl = await api()
        .post('/api/v1/testbeds')
        .set('Authorization', as(manager))
        .send(testbedBody(region.id, { trl: { min: 8, max: 3 } }));
      expect(trl.status).toBe(400);
    });

    it('lets only regions and municipalities own test beds', async () => {
      const company = await factory.organization('company');
      const companyAdmin = await factory.member(company.id, 'admin');
      expect(
        (await api().post('/api/v1/testbeds').set('Authorization', as(companyAdmin)).send(testbedBody(company.id)))
          .status,
      ).toBe(403);
    });
  });

  describe('search', () => {
    let owner: { id: string };
    let ownerManager: TestUser;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      owner = await factory.organization('municipality', { name: `Sökkommun ${randomUUID().slice(0, 6)}` });
      ownerManager = await factory.member(owner.id, 'manager');
      const make = async (key: string, overrides: Record<string, unknown>, publish = true) => {
        ids[key] = (await createTestbed(app, ownerManager.token, owner.id, overrides, publish)).id;
      };
      await make('careHome', {
        name: 'Äldreboendet Sökbygården',
        summary: 'Avdelningar där välfärdsteknik prövas med personal och boende.',
        domains: ['elderly-care', 'welfare-technology'],
        environmentType: 'real',
        trl: { min: 6, max: 9 },
        location: { municipality: 'Sökby' },
      });
      await make('simLab', {
        name: 'Simuleringscentrum Sökby',
        summary: 'Ett sjukhuslabb med simulerade patientrum.',
        description:
          'Simulerad vårdmiljö där äldreboende och hemtjänst kan efterliknas för tidiga tester av ny teknik.',
        domains: ['health'],
        environmentType: 'simulated',
        trl: { min: 3, max: 6 },
        location: { municipality: 'Sökby' },
      });
      await make('street', {
        name: 'Smarta gatan Sökby',
        summary: 'En gata med sensorer och belysning för smart stad.',
        domains: ['smart-city', 'mobility'],
        environmentType: 'real',
        trl: { min: 5, max: 9 },
        location: { municipality: 'Norrsök' },
      });
      await make(
        'draft',
        {
          name: 'Hemligt äldreboende Sökby',
          summary: 'Ett utkast som ingen annan ser.',
          location: { municipality: 'Sökby' },
        },
        false,
      );
    });

    const search = (query: Record<string, unknown>, user?: TestUser) => {
      const call = api()
        .get('/api/v1/testbeds')
        .query({ organizationId: owner.id, ...query });
      return user ? call.set('Authorization', as(user)) : call;
    };
    const names = (response: request.Response) =>
      response.body.items.map((item: { id: string }) => Object.entries(ids).find(([, id]) => id === item.id)?.[0]);

    it('finds inflected Swedish words (äldreboende finds Äldreboendet), ranking the name above the description', async () => {
      const response = await search({ q: 'äldreboende' });
      expect(response.status).toBe(200);
      expect(names(response)).toEqual(['careHome', 'simLab']);
      expect(names(await search({ q: 'äldreboenden' }))).toEqual(['careHome', 'simLab']);
      expect(names(await search({ q: 'smarta sensorer' }))).toEqual(['street']);
      expect(names(await search({ q: 'sensorer skola' }))).toEqual([]);
      expect((await search({ q: `x' & (|) !:*` })).status).toBe(200);
    });

    it('filters by domain, environment type, TRL and municipality', async () => {
      expect(names(await search({ domain: 'welfare-technology' }))).toEqual(['careHome']);
      expect(names(await search({ environmentType: 'simulated' }))).toEqual(['simLab']);
      expect(names(await search({ trl: 4 })).sort()).toEqual(['simLab']);
      expect(names(await search({ trl: 9 })).sort()).toEqual(['careHome', 'street']);
      expect(names(await search({ municipality: 'norrsök' }))).toEqual(['street']);
      expect((await search({ trl: 12 })).status).toBe(400);
      expect((await search({ domain: 'astrology' })).status).toBe(400);
    });

    it('shows drafts only to their own organization', async () => {
      expect(names(await search({ q: 'äldreboende' }, ownerManager))).toEqual(
        expect.arrayContaining(['careHome', 'simLab', 'draft']),
      );
      const outsider = await factory.member(region.id, 'admin');
      expect(names(await search({ q: 'äldreboende' }, outsider))).not.toContain('draft');
    });

    it('pages with a cursor, without repeats or gaps, ranked or not', async () => {
      for (const query of [{}, { q: 'sökby' }]) {
        const all = await search({ ...query, limit: 200 }, ownerManager);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: request.Response = await search(
            { ...query, limit: 1, ...(cursor ? { cursor } : {}) },
            ownerManager,
          );
          expect(page.status).toBe(200);
          seen.push(...page.body.items.map((item: { id: string }) => item.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        expect(seen).toEqual(all.body.items.map((item: { id: string }) => item.id));
        expect(seen.length).toBeGreaterThan(1);
      }
    });

    it('keeps test beds with a free place wholly inside [availableFrom, availableTo)', async () => {
      const slot = await api()
        .post(`/api/v1/testbeds/${ids.street}/slots`)
        .set('Authorization', as(ownerManager))
        .send({ startsAt: daysFromNow(30, 8), endsAt: daysFromNow(30, 16), capacity: 1 });
      expect(slot.status).toBe(201);
      expect(names(await search({ availableFrom: daysFromNow(29), availableTo: daysFromNow(31) }))).toEqual(['street']);
      // The slot sticks out of this window: not wholly inside.
      expect(names(await search({ availableFrom: daysFromNow(30, 10), availableTo: daysFromNow(31) }))).toEqual([]);
      expect(names(await search({ availableFrom: daysFromNow(40) }))).toEqual([]);
      await api().post(`/api/v1/slots/${slot.body.items[0].id}/cancel`).set('Authorization', as(ownerManager));
      expect(names(await search({ availableFrom: daysFromNow(29), availableTo: daysFromNow(31) }))).toEqual([]);
    });
  });
});
