import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { valueTicks } from './ticks';

/** Whether a step is 1, 2 or 5 × 10ⁿ. */
function isRoundStep(step: number): boolean {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  return [1, 2, 5, 10].some((multiple) => Math.abs(step / power - multiple) < 1e-6);
}

describe('the value axis of a metric chart', () => {
  it('ticks round numbers that include baseline, target and every value (the demo falls chart)', () => {
    // Baseline 9 falls, target 6, measurements 7 and 8: no "9,9" at the top.
    expect(valueTicks([9, 6, 7, 8, 0])).toEqual([0, 2, 4, 6, 8, 10]);
    expect(valueTicks([9, 6, 7, 8])).toEqual([6, 7, 8, 9]);
    expect(valueTicks([0.3, 0.1])).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(valueTicks([42])).toEqual([0, 10, 20, 30, 40, 50]);
    expect(valueTicks([-3])).toEqual([-3, -2, -1, 0]);
    expect(valueTicks([])).toEqual([0, 1]);
    // Near a million, ticks a hundredth apart (found by the property below).
    expect(valueTicks([999999.974, 1000000])).toEqual([999999.97, 999999.98, 999999.99, 1000000]);
  });

  it('are round, ascending, evenly spaced, few, and cover every value', () => {
    fc.assert(
      fc.property(
        // Values as measurements carry them: up to a million, with up to three decimals.
        fc.array(
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
          { minLength: 1, maxLength: 20 },
        ),
        (values) => {
          const ticks = valueTicks(values);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(9);
          // The step as the ticks mean it: near a million, 999999.98 − 999999.97 is 0.01 plus float noise.
          const step = Number((ticks[1]! - ticks[0]!).toPrecision(9));
          expect(isRoundStep(step)).toBe(true);
          ticks.forEach((tick, index) => {
            if (index) expect(tick - ticks[index - 1]!).toBeCloseTo(step, 6);
            // A whole number of steps, to twelve digits (a tick near a million over a step of 0.001 is 999999975.0000001).
            expect(Number.isInteger(Number((tick / step).toPrecision(12)))).toBe(true);
          });
          expect(ticks[0]).toBeLessThanOrEqual(Math.min(...values));
          expect(ticks.at(-1)).toBeGreaterThanOrEqual(Math.max(...values));
        },
      ),
      // A failure is reported within seconds, not after shrinking for minutes.
      { numRuns: 500, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true },
    );
  });
});
