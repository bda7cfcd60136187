/** Steps a person reads at a glance: 1, 2 or 5 times a power of ten. */
const MULTIPLES = [1, 2, 5, 10];

/** A number without the float noise of k × step (0.30000000000000004 as 0.3). */
const clean = (value: number) => Number(value.toPrecision(12));

/**
 * The ticks of a chart's value axis: round numbers (whole multiples of 1, 2 or 5 × 10ⁿ),
 * evenly spaced and ascending, from at or below the smallest value to at or above the
 * largest, three to about nine of them. The chart's range is its first tick to its last, so
 * every value (measurements, baseline, target) lies on the axis.
 */
export function valueTicks(values: readonly number[], about = 5): number[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (min === max) {
    // One value: the axis from zero to it.
    if (min > 0) min = 0;
    else if (max < 0) max = 0;
    else max = 1;
  }
  // Measurements carry a few decimals; a range finer than a millionth is noise.
  const rough = Math.max((max - min) / about, 1e-6);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = clean(MULTIPLES.find((multiple) => multiple * power >= rough)! * power);
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(clean(k * step));
  // A value a hair beyond the ends after cleaning gets one more tick.
  if (ticks[0]! > min) ticks.unshift(clean((first - 1) * step));
  if (ticks.at(-1)! < max) ticks.push(clean((last + 1) * step));
  return ticks;
}
