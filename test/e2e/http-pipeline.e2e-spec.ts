import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InjectDataSource } from '@nestjs/typeorm';
import { defineProblems, IdParam, Public, registerProblems } from '@slussen/core';
import { CONTEXT_PROBLEMS } from '@slussen/platform';
import { IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';

class PlaceDto {
  @IsString()
  @MaxLength(40)
  municipality: string;
}

class ProbeDto {
  @IsString()
  @MaxLength(20)
  name: string;

  @IsInt()
  @Min(1)
  @Max(9)
  trl: number;

  @ValidateNested()
  @Type(() => PlaceDto)
  location: PlaceDto;
}

/** Routes that exercise the real pipeline: validation, UUID params, database errors, crashes. */
@Public()
@Controller('probe')
class ProbeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post()
  create(@Body() body: ProbeDto): ProbeDto {
    return body;
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret internals: SELECT * FROM users');
  }

  @Get('duplicate')
  async duplicate(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('CREATE TEMP TABLE probe (id int CONSTRAINT probe_id_unique UNIQUE) ON COMMIT DROP');
      await manager.query('INSERT INTO probe VALUES (1), (1)');
    });
  }

  @Get(':id')
  get(@IdParam() id: string): { id: string } {
    return { id };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('HTTP pipeline (problem+json for every error)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createApiApp({ imports: [ProbeModule], env: { BODY_LIMIT: '1kb' } });
  });
  afterAll(() => app.close());

  const expectProblem = (response: request.Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: `/problems/${code}`,
      status,
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(typeof response.body.instance).toBe('string');
  };

  it('accepts a valid body and answers with the transformed DTO', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .send({ name: 'Vårdavdelning', trl: 5, location: { municipality: 'Lund' } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ name: 'Vårdavdelning', trl: 5, location: { municipality: 'Lund' } });
  });

  it('answers malformed JSON with 400 validation', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expectProblem(response, 400, 'validation');
    expect(response.body.instance).toBe('/api/v1/probe');
  });

  it('answers an unknown field with 400 and names it, nested fields too', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .send({ name: 'x', trl: 5, location: { municipality: 'Lund', planet: 'Mars' }, admin: true });
    expectProblem(response, 400, 'validation');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'admin', message: expect.stringContaining('should not exist'), code: 'unknownField' },
        { field: 'location.planet', message: expect.stringContaining('should not exist'), code: 'unknownField' },
      ]),
    );
  });

  it('answers wrong values with one error per field', async () => {
    const response = await request(app.getHttpServer()).post('/api/v1/probe').send({ name: 42, trl: 12, location: {} });
    expectProblem(response, 400, 'validation');
    const fields = (response.body.errors as Array<{ field: string }>).map((error) => error.field).sort();
    expect(fields).toEqual(['location.municipality', 'name', 'trl']);
  });

  it('answers an unknown route with 404 not-found', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/nowhere/at/all');
    expectProblem(response, 404, 'not-found');
    expect(response.body.instance).toBe('/api/v1/nowhere/at/all');
  });

  it('answers a bad UUID in the path with 400 validation', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/probe/not-a-uuid');
    expectProblem(response, 400, 'validation');
    expect(response.body.errors).toEqual([{ field: 'id', message: 'must be a UUID', code: 'isUuid' }]);
    const ok = await request(app.getHttpServer()).get('/api/v1/probe/6f1c2a8e-1f0e-4d7e-9a55-2b1c3d4e5f60');
    expect(ok.status).toBe(200);
  });

  it('answers a bad percent-encoding in the path with 400, not 500', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/probe/%E0%A4%A');
    expectProblem(response, 400, 'validation');
  });

  it('answers an oversized body with 413 payload-too-large', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .send({ name: 'x'.repeat(4096), trl: 1, location: { municipality: 'Lund' } });
    expectProblem(response, 413, 'payload-too-large');
  });

  it('answers an unsupported body encoding with 415, not 500', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .set('Content-Type', 'application/json; charset=klingon')
      .send('{}');
    expectProblem(response, 415, 'unsupported-media-type');
  });

  it('turns a unique violation into 409 conflict, and a registered constraint into its own problem', async () => {
    const generic = await request(app.getHttpServer()).get('/api/v1/probe/duplicate');
    expectProblem(generic, 409, 'conflict');

    registerProblems([
      ...CONTEXT_PROBLEMS,
      defineProblems('probe', {
        constraints: {
          probe_id_unique: { code: 'already-booked', detail: 'Your organization already holds this slot' },
        },
      }),
    ]);
    const mapped = await request(app.getHttpServer()).get('/api/v1/probe/duplicate');
    expectProblem(mapped, 409, 'already-booked');
    expect(mapped.body.detail).toBe('Your organization already holds this slot');
  });

  it('answers a crash with 500 carrying an error id and nothing of the cause', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/probe/crash').set('X-Request-Id', 'req-crash-1');
    expectProblem(response, 500, 'internal');
    expect(response.body.errorId).toBe('req-crash-1');
    expect(JSON.stringify(response.body)).not.toMatch(/secret|SELECT|at .*\.ts/);
  });

  it('gives every response a request id, and keeps a sane one the caller sent', async () => {
    const fresh = await request(app.getHttpServer()).get('/health/live');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await request(app.getHttpServer()).get('/health/live').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const unsafe = await request(app.getHttpServer()).get('/health/live').set('X-Request-Id', 'a b\tc');
    expect(unsafe.headers['x-request-id']).not.toBe('a b\tc');
  });

  it('sets security headers', async () => {
    const response = await request(app.getHttpServer()).get('/health/live');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
