// The access matrix: one route, every kind of caller, the status each must get.
// Later contexts use it for all their routes:
//
//   const world = await createAccessWorld(app, { kind: 'region' });
//   await expectAccess(app, world, (actor) => ({ method: 'post', path: `/api/v1/testbeds`, body: {...} }), {
//     anonymous: 401, otherCompanyMember: 403, otherRegionManager: 403, member: 403,
//     manager: 201, admin: 201, platformAdmin: 201, apiToken: 201,
//   });
//
// The route factory is called once per actor, so a route that changes state can
// make a fresh object for each caller.
import { expect } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { OrganizationKind, Role } from '@slussen/core';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';

export const ACTORS = [
  'anonymous',
  'otherCompanyMember',
  'otherRegionManager',
  'member',
  'manager',
  'admin',
  'platformAdmin',
  'apiToken',
] as const;
export type ActorName = (typeof ACTORS)[number];
export type Expectation = Record<ActorName, number>;

export interface AccessWorld {
  /** The organization the routes act on, with a member, a manager and an admin. */
  organization: { id: string; kind: OrganizationKind };
  otherCompany: { id: string };
  otherRegion: { id: string };
  users: Record<Exclude<ActorName, 'anonymous' | 'apiToken'>, TestUser>;
  /** Bearer credential per actor; null for anonymous. */
  bearer: Record<ActorName, string | null>;
  factory: IdentityFactory;
}

export interface MatrixRequest {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  body?: object;
}

export async function createAccessWorld(
  app: INestApplication,
  options: { kind: OrganizationKind; apiTokenRole?: Role },
): Promise<AccessWorld> {
  const factory = new IdentityFactory(app);
  const [organization, otherCompany, otherRegion] = await Promise.all([
    factory.organization(options.kind),
    factory.organization('company'),
    factory.organization('region'),
  ]);
  const [member, manager, admin, otherCompanyMember, otherRegionManager, platformAdmin, apiToken] = await Promise.all([
    factory.member(organization.id, 'member'),
    factory.member(organization.id, 'manager'),
    factory.member(organization.id, 'admin'),
    factory.member(otherCompany.id, 'admin'),
    factory.member(otherRegion.id, 'manager'),
    factory.user({ platformAdmin: true }),
    factory.apiToken(organization.id, options.apiTokenRole ?? 'manager'),
  ]);
  const users = { member, manager, admin, otherCompanyMember, otherRegionManager, platformAdmin };
  return {
    organization: { id: organization.id, kind: organization.kind },
    otherCompany,
    otherRegion,
    users,
    bearer: {
      anonymous: null,
      otherCompanyMember: otherCompanyMember.token,
      otherRegionManager: otherRegionManager.token,
      member: member.token,
      manager: manager.token,
      admin: admin.token,
      platformAdmin: platformAdmin.token,
      apiToken,
    },
    factory,
  };
}

/** Calls the route as every actor, one after another, and compares all statuses at once. */
export async function expectAccess(
  app: INestApplication,
  world: AccessWorld,
  route: (actor: ActorName) => MatrixRequest | Promise<MatrixRequest>,
  expected: Expectation,
): Promise<void> {
  const actual = {} as Expectation;
  const bodies: Partial<Record<ActorName, unknown>> = {};
  for (const actor of ACTORS) {
    const { method, path, body } = await route(actor);
    let call = request(app.getHttpServer())[method](path);
    const bearer = world.bearer[actor];
    if (bearer) call = call.set('Authorization', `Bearer ${bearer}`);
    const response = body === undefined ? await call : await call.send(body);
    actual[actor] = response.status;
    if (response.status !== expected[actor]) bodies[actor] = response.body;
    if (response.status >= 400) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  }
  expect({ statuses: actual, unexpectedBodies: bodies }).toEqual({ statuses: expected, unexpectedBodies: {} });
}
