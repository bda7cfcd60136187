import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { createApiApp } from '../api-app.js';
import { createTestbed } from '../catalogue-fixtures.js';

/** GET /testbeds?status=: a manager lists its drafts and retired test beds; nobody lists another organization's. */
describe('test-bed list by status (GET /testbeds?status=)', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let manager: TestUser;
  let otherManager: TestUser;
  let companyMember: TestUser;
  let platformAdmin: TestUser;
  let regionId: string;
  let otherRegionId: string;
  const ids: Record<'draft' | 'published' | 'retired' | 'otherDraft' | 'otherRetired', string> = {} as never;
  const api = () => request(app.getHttpServer());

  const list = async (query: Record<string, string>, user?: TestUser) => {
    const call = api()
      .get('/api/v1/testbeds')
      .query({ limit: 100, ...query });
    const response = user ? await call.set('Authorization', `Bearer ${user.token}`) : await call;
    expect(response.status).toBe(200);
    return response.body.items as Array<{ id: string; status: string; organizationId: string }>;
  };
  const idsOf = (items: Array<{ id: string }>) => items.map((item) => item.id);

  beforeAll(async () => {
    app = await createApiApp();
    factory = new IdentityFactory(app);
    const region = await factory.organization('region');
    const otherRegion = await factory.organization('municipality');
    regionId = region.id;
    otherRegionId = otherRegion.id;
    manager = await factory.member(region.id, 'manager');
    otherManager = await factory.member(otherRegion.id, 'manager');
    companyMember = await factory.member((await factory.organization('company')).id, 'member');
    platformAdmin = await factory.user({ platformAdmin: true });
    const retire = async (token: string, id: string) =>
      expect((await api().post(`/api/v1/testbeds/${id}/retire`).set('Authorization', `Bearer ${token}`)).status).toBe(
        200,
      );
    ids.draft = (await createTestbed(app, manager.token, region.id, {}, false)).id;
    ids.published = (await createTestbed(app, manager.token, region.id)).id;
    ids.retired = (await createTestbed(app, manager.token, region.id)).id;
    await retire(manager.token, ids.retired);
    ids.otherDraft = (await createTestbed(app, otherManager.token, otherRegion.id, {}, false)).id;
    ids.otherRetired = (await createTestbed(app, otherManager.token, otherRegion.id)).id;
    await retire(otherManager.token, ids.otherRetired);
  });
  afterAll(() => app.close());

  it("lists the owner's test beds of one state each, and all of them without the filter", async () => {
    const own = { organizationId: regionId };
    expect(idsOf(await list({ ...own, status: 'draft' }, manager))).toEqual([ids.draft]);
    expect(idsOf(await list({ ...own, status: 'published' }, manager))).toEqual([ids.published]);
    expect(idsOf(await list({ ...own, status: 'retired' }, manager))).toEqual([ids.retired]);
    expect(idsOf(await list(own, manager)).sort()).toEqual([ids.draft, ids.published, ids.retired].sort());
    for (const item of await list({ status: 'retired' }, manager)) expect(item.status).toBe('retired');
  });

  it("never lists another organization's drafts or retired test beds, whoever asks", async () => {
    for (const user of [undefined, companyMember, otherManager]) {
      for (const status of ['draft', 'retired']) {
        const listed = idsOf(await list({ status }, user));
        expect(listed).not.toContain(ids.draft);
        expect(listed).not.toContain(ids.retired);
        expect(await list({ organizationId: regionId, status }, user)).toEqual([]);
      }
    }
    // The other organization's manager sees only its own.
    expect(idsOf(await list({ status: 'draft' }, otherManager))).toEqual([ids.otherDraft]);
    expect(idsOf(await list({ status: 'retired' }, otherManager))).toEqual([ids.otherRetired]);
  });

  it('shows the public the published ones, as before, and platform admins every state', async () => {
    expect(idsOf(await list({ organizationId: regionId, status: 'published' }))).toEqual([ids.published]);
    expect(idsOf(await list({ organizationId: regionId }))).toEqual([ids.published]);
    expect(idsOf(await list({ organizationId: regionId, status: 'draft' }, platformAdmin))).toEqual([ids.draft]);
    expect(idsOf(await list({ organizationId: otherRegionId, status: 'draft' }, platformAdmin))).toEqual([
      ids.otherDraft,
    ]);
    expect(idsOf(await list({ organizationId: regionId, status: 'retired' }, platformAdmin))).toEqual([ids.retired]);
  });

  it('refuses a state that does not exist', async () => {
    expect((await api().get('/api/v1/testbeds').query({ status: 'archived' })).status).toBe(400);
  });
});
