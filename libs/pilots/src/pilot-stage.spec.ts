import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { actionTowards, nextStage, PILOT_STAGES, type PilotAction } from './pilot-stage.js';

const ACTIONS: PilotAction[] = ['start', 'evaluate', 'complete', 'abort'];

describe('pilot stages', () => {
  it('follows time and decisions', () => {
    expect(nextStage('planned', 'start')).toBe('running');
    expect(nextStage('running', 'evaluate')).toBe('evaluating');
    expect(nextStage('evaluating', 'complete')).toBe('completed');
    expect(nextStage('running', 'complete')).toBe('completed');
    expect(nextStage('planned', 'abort')).toBe('aborted');
  });

  it('refuses what skips or reverses a stage', () => {
    expect(nextStage('planned', 'complete')).toBeNull();
    expect(nextStage('planned', 'evaluate')).toBeNull();
    expect(nextStage('evaluating', 'start')).toBeNull();
    expect(nextStage('running', 'start')).toBeNull();
  });

  it('never leaves completed or aborted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('completed' as const, 'aborted' as const),
        fc.constantFrom(...ACTIONS),
        (stage, action) => {
          expect(nextStage(stage, action)).toBeNull();
        },
      ),
    );
  });

  it('never goes back to an earlier stage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PILOT_STAGES), fc.constantFrom(...ACTIONS), (stage, action) => {
        const next = nextStage(stage, action);
        if (next !== null && next !== 'aborted')
          expect(PILOT_STAGES.indexOf(next)).toBeGreaterThan(PILOT_STAGES.indexOf(stage));
      }),
    );
  });

  it('knows which action a requested stage stands for', () => {
    expect(actionTowards('running')).toBe('start');
    expect(actionTowards('evaluating')).toBe('evaluate');
    expect(actionTowards('aborted')).toBe('abort');
    expect(actionTowards('planned')).toBeNull();
  });
});
