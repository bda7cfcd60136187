import { describe, expect, it } from '@jest/globals';
import { barChart } from './svg-chart.js';

describe('bar chart', () => {
  it('draws one bar per value, scaled to the largest, with its value over it', () => {
    const svg = barChart('Outcomes', [
      { label: 'adopted', value: 4 },
      { label: 'procured', value: 2 },
    ]);
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(heights).toHaveLength(2);
    expect(heights[0]).toBeCloseTo(heights[1]! * 2);
    expect(svg).toContain('>4</text>');
  });

  it('prints ratios as percentages, leaves a gap for a missing value, and escapes labels', () => {
    const svg = barChart(
      'Utilization <by> month',
      [
        { label: '2027-01', value: 0.25 },
        { label: '2027-02', value: null },
      ],
      { percent: true },
    );
    expect(svg).toContain('>25 %</text>');
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(svg).toContain('Utilization &#60;by&#62; month');
  });

  it('says so when there is nothing to draw', () => {
    expect(barChart('Utilization by month', [])).toContain('No data yet');
  });
});
