import { describe, expect, it } from '@jest/globals';
import { pilotsInStage } from './order';

const pilot = (stage: 'completed' | 'running' | 'aborted', startsAt: string, endsAt: string) => ({
  stage,
  startsAt: `${startsAt}T08:00:00Z`,
  endsAt: `${endsAt}T16:00:00Z`,
});

describe('the pilots of a stage', () => {
  const items = [
    pilot('completed', '2026-01-05', '2026-03-01'),
    pilot('running', '2026-11-16', '2026-12-18'),
    pilot('completed', '2026-06-01', '2026-09-30'),
    pilot('completed', '2026-02-01', '2026-04-15'),
    pilot('running', '2026-11-02', '2027-01-29'),
  ];

  it('lists completed pilots by end date, newest first', () => {
    expect(pilotsInStage(items, 'completed').map((p) => p.endsAt.slice(0, 10))).toEqual([
      '2026-09-30',
      '2026-04-15',
      '2026-03-01',
    ]);
  });

  it('lists running pilots by start, soonest first, and leaves other stages out', () => {
    expect(pilotsInStage(items, 'running').map((p) => p.startsAt.slice(0, 10))).toEqual(['2026-11-02', '2026-11-16']);
    expect(pilotsInStage(items, 'aborted')).toEqual([]);
  });
});
