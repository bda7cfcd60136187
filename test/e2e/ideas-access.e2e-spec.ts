// The access matrix of every sluice and idea route (see test/access-matrix.ts).
// The world's organization is the region that runs the sluice: its member is
// staff (and submits the needs here), its managers and admins screen them.
// `otherCompanyMember` acts for a company; `otherRegionManager` for another region.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createAccessWorld, expectAccess, type AccessWorld, type Expectation } from '../access-matrix.js';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

/** The sluice's managers decide; the submitter (member) sees the idea but may not. */
const MANAGERS = (ok: number): Expectation => ({
  anonymous: 401,
  otherCompanyMember: 404,
  otherRegionManager: 404,
  member: 403,
  manager: ok,
  admin: ok,
  platformAdmin: ok,
  apiToken: ok,
});

const SIGNED_IN = (ok: number): Expectation => ({
  anonymous: 401,
  otherCompanyMember: ok,
  otherRegionManager: ok,
  member: ok,
  manager: ok,
  admin: ok,
  platformAdmin: ok,
  apiToken: ok,
});

describe('sluice and idea access matrix', () => {
  let app: NestExpressApplication;
  let world: AccessWorld;
  let sluiceId: string;
  let testbedId: string;

  beforeAll(async () => {
    app = await createApiApp();
    world = await createAccessWorld(app, { kind: 'region' });
    const sluice = await http()
      .post('/api/v1/sluices')
      .set(as(world.users.manager.token))
      .send({
        organizationId: world.organization.id,
        name: 'Matrisslussen',
        description: 'Behov och idéer.',
        domains: ['elderly-care'],
        submitters: ['staff', 'companies'],
      });
    expect(sluice.status).toBe(201);
    sluiceId = sluice.body.id;
    testbedId = (await createTestbed(app, world.users.manager.token, world.organization.id, { capacity: 20 })).id;
  });
  afterAll(() => app.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const http = () => request(app.getHttpServer());

  /** A need of the region's staff (the world's member); public when asked. */
  const freshNeed = async (options: { public?: boolean } = {}): Promise<string> => {
    const need = await http()
      .post(`/api/v1/sluices/${sluiceId}/ideas`)
      .set(as(world.users.member.token))
      .send({ kind: 'need', title: 'Fall nattetid', description: 'Boende faller.', public: options.public ?? false });
    expect(need.status).toBe(201);
    return need.body.id;
  };
  const decided = async (id: string, action: 'screen' | 'accept', body: object = {}) =>
    http().post(`/api/v1/ideas/${id}/${action}`).set(as(world.users.manager.token)).send(body).expect(200);
  const freshScreened = async (options: { public?: boolean } = {}) => {
    const id = await freshNeed(options);
    await decided(id, 'screen');
    return id;
  };
  const freshAccepted = async () => {
    const id = await freshScreened();
    await decided(id, 'accept', { testbedIds: [testbedId] });
    return id;
  };

  it('POST /sluices: admins and managers of the region or municipality', async () => {
    await expectAccess(
      app,
      world,
      () => ({
        method: 'post',
        path: '/api/v1/sluices',
        body: {
          organizationId: world.organization.id,
          name: 'Ny sluss',
          description: 'x',
          domains: [],
          submitters: ['anyone'],
        },
      }),
      { ...MANAGERS(201), otherCompanyMember: 403, otherRegionManager: 403 },
    );
  });

  it('GET /sluices and GET /sluices/:id: anyone', async () => {
    for (const path of ['/api/v1/sluices', `/api/v1/sluices/${sluiceId}`])
      await expectAccess(app, world, () => ({ method: 'get', path }), { ...SIGNED_IN(200), anonymous: 200 });
  });

  it('POST /sluices/:id/ideas: a need from the staff, an idea from a company, a signed-in person only', async () => {
    await expectAccess(
      app,
      world,
      () => ({
        method: 'post',
        path: `/api/v1/sluices/${sluiceId}/ideas`,
        body: { kind: 'need', title: 'Ett behov', description: 'Det behövs något.' },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 403,
        otherRegionManager: 403,
        member: 201,
        manager: 201,
        admin: 201,
        platformAdmin: 403,
        apiToken: 403,
      },
    );
    await expectAccess(
      app,
      world,
      () => ({
        method: 'post',
        path: `/api/v1/sluices/${sluiceId}/ideas`,
        body: { kind: 'idea', title: 'En idé', description: 'Vi kan lösa det.' },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 201,
        otherRegionManager: 403,
        member: 403,
        manager: 403,
        admin: 403,
        platformAdmin: 403,
        apiToken: 403,
      },
    );
  });

  it('GET /ideas and GET /ideas/similar: anyone signed in (each sees what it may)', async () => {
    await expectAccess(app, world, () => ({ method: 'get', path: '/api/v1/ideas' }), SIGNED_IN(200));
    await expectAccess(app, world, () => ({ method: 'get', path: '/api/v1/ideas/similar?q=fall' }), SIGNED_IN(200));
  });

  it('GET /ideas/:id: the submitter and the sluice’s managers; a public need to anyone signed in', async () => {
    const id = await freshNeed();
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/ideas/${id}` }), {
      ...MANAGERS(200),
      member: 200,
    });
    const open = await freshNeed({ public: true });
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/ideas/${open}` }), SIGNED_IN(200));
  });

  it('POST /ideas/:id/screen, /accept, /decline, /close and GET /ideas/:id/matches: the sluice’s managers', async () => {
    await expectAccess(
      app,
      world,
      async () => ({ method: 'post', path: `/api/v1/ideas/${await freshNeed()}/screen` }),
      MANAGERS(200),
    );
    await expectAccess(
      app,
      world,
      async () => ({
        method: 'post',
        path: `/api/v1/ideas/${await freshScreened()}/accept`,
        body: { testbedIds: [testbedId] },
      }),
      MANAGERS(200),
    );
    await expectAccess(
      app,
      world,
      async () => ({
        method: 'post',
        path: `/api/v1/ideas/${await freshNeed()}/decline`,
        body: { reason: 'Finns redan.' },
      }),
      MANAGERS(200),
    );
    await expectAccess(
      app,
      world,
      async () => ({ method: 'post', path: `/api/v1/ideas/${await freshAccepted()}/close`, body: { result: 'Löst.' } }),
      MANAGERS(200),
    );
    const id = await freshNeed();
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/ideas/${id}/matches` }), MANAGERS(200));
  });

  it('POST and DELETE /ideas/:id/followers: a signed-in person who sees the idea', async () => {
    const open = await freshNeed({ public: true });
    for (const method of ['post', 'delete'] as const)
      await expectAccess(app, world, () => ({ method, path: `/api/v1/ideas/${open}/followers` }), {
        ...SIGNED_IN(204),
        apiToken: 403,
      });
    const closed = await freshNeed();
    await expectAccess(app, world, () => ({ method: 'post', path: `/api/v1/ideas/${closed}/followers` }), {
      ...MANAGERS(204),
      member: 204,
      apiToken: 403,
    });
  });

  it('GET and POST /ideas/:id/messages: the submitter and the sluice’s managers (people only to write)', async () => {
    const open = await freshNeed({ public: true });
    const parties = { ...MANAGERS(200), member: 200, otherCompanyMember: 403, otherRegionManager: 403 };
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/ideas/${open}/messages` }), parties);
    await expectAccess(
      app,
      world,
      () => ({ method: 'post', path: `/api/v1/ideas/${open}/messages`, body: { body: 'Hej!' } }),
      { ...parties, member: 201, manager: 201, admin: 201, platformAdmin: 201, apiToken: 403 },
    );
    const closed = await freshNeed();
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/ideas/${closed}/messages` }), {
      ...MANAGERS(200),
      member: 200,
    });
  });

  it('POST /ideas/:id/answers: a company, on a public need; GET: anyone who sees it (its own answers)', async () => {
    const open = await freshNeed({ public: true });
    await expectAccess(
      app,
      world,
      () => ({ method: 'post', path: `/api/v1/ideas/${open}/answers`, body: { description: 'Vår lösning.' } }),
      {
        anonymous: 401,
        otherCompanyMember: 201,
        otherRegionManager: 403,
        member: 403,
        manager: 403,
        admin: 403,
        platformAdmin: 403,
        apiToken: 403,
      },
    );
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/ideas/${open}/answers` }), SIGNED_IN(200));
    const closed = await freshNeed();
    await expectAccess(
      app,
      world,
      () => ({ method: 'post', path: `/api/v1/ideas/${closed}/answers`, body: { description: 'Vår lösning.' } }),
      { ...MANAGERS(403), otherCompanyMember: 404 },
    );
  });

  it('POST /ideas/:id/answers/:answerId/accept: the sluice’s managers', async () => {
    const answered = async () => {
      const id = await freshNeed({ public: true });
      const answer = await http()
        .post(`/api/v1/ideas/${id}/answers`)
        .set(as(world.users.otherCompanyMember.token))
        .send({ description: 'Vår lösning.' })
        .expect(201);
      return `/api/v1/ideas/${id}/answers/${answer.body.id}/accept`;
    };
    await expectAccess(app, world, async () => ({ method: 'post', path: await answered() }), {
      ...MANAGERS(200),
      otherCompanyMember: 403,
      otherRegionManager: 403,
    });
  });

  it('POST /slots/:id/bookings with ideaId: only the accepted company, on a matched test bed, once accepted', async () => {
    const slot = await http()
      .post(`/api/v1/testbeds/${testbedId}/slots`)
      .set(as(world.users.manager.token))
      .send({ startsAt: daysFromNow(20, 8), endsAt: daysFromNow(30, 16), capacity: 5 });
    const otherTestbed = await createTestbed(app, world.users.manager.token, world.organization.id);
    const otherSlot = await http()
      .post(`/api/v1/testbeds/${otherTestbed.id}/slots`)
      .set(as(world.users.manager.token))
      .send({ startsAt: daysFromNow(20, 8), endsAt: daysFromNow(30, 16), capacity: 2 });
    const company = world.users.otherCompanyMember;
    const secondCompany = await world.factory.member((await world.factory.organization('company')).id, 'admin');
    const id = await freshScreened({ public: true });
    const answer = await http()
      .post(`/api/v1/ideas/${id}/answers`)
      .set(as(company.token))
      .send({ description: 'Vår lösning.' })
      .expect(201);
    await http()
      .post(`/api/v1/ideas/${id}/answers`)
      .set(as(secondCompany.token))
      .send({ description: 'Vår också.' })
      .expect(201);
    await http()
      .post(`/api/v1/ideas/${id}/answers/${answer.body.id}/accept`)
      .set(as(world.users.manager.token))
      .expect(200);
    const book = (token: string, slotId: string) =>
      http().post(`/api/v1/slots/${slotId}/bookings`).set(as(token)).send({ title: 'Pilot', ideaId: id });

    const notYet = await book(company.token, slot.body.items[0].id);
    expect([notYet.status, notYet.body.type]).toEqual([409, '/problems/conflict']);
    await decided(id, 'accept', { testbedIds: [testbedId] });
    expect((await book(secondCompany.token, slot.body.items[0].id)).status).toBe(403);
    expect((await book(company.token, otherSlot.body.items[0].id)).status).toBe(409);
    const private_ = await freshAccepted();
    const hidden = await http()
      .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
      .set(as(company.token))
      .send({ title: 'Pilot', ideaId: private_ });
    expect(hidden.status).toBe(404);
    const booked = await book(company.token, slot.body.items[0].id);
    expect(booked.status).toBe(201);
    expect(booked.body.ideaId).toBe(id);
  });
});
