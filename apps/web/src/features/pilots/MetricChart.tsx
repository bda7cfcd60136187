import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormat, dayIn, formatDate } from '../../ui/format';
import { formatNumber } from './numbers';
import { valueTicks } from './ticks';
import type { Measurement, MetricSummary } from './types';

// Drawn small and scaled up, so its words stay readable on a phone too.
const WIDTH = 420;
const HEIGHT = 230;
const PAD = { top: 16, right: 84, bottom: 34, left: 40 };
const FONT = 13;

/** An end of the time axis: the day, and the time of day too when the whole axis is one day. */
const axisDate = (at: number, oneDay: boolean, language: string, timeZone: string) =>
  dateFormat(
    language,
    oneDay
      ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }
      : { day: 'numeric', month: 'short', year: 'numeric', timeZone },
  ).format(new Date(at));

/**
 * One metric over time as an SVG line chart, drawn like the reports' charts:
 * the measurements as a line with points, the baseline and the target as
 * labelled dashed lines. It is one image with a name and a description; the
 * numbers are in the table beside it.
 */
export function MetricChart({
  metric,
  measurements,
  period,
  zone,
}: {
  metric: MetricSummary;
  measurements: Measurement[];
  period: { startsAt: string; endsAt: string };
  zone: string;
}) {
  const { t, i18n } = useTranslation('pilots');
  const titleId = useId();
  const descId = useId();
  const points = measurements.map((m) => ({ at: new Date(m.observedAt).getTime(), value: m.value }));
  const from = Math.min(new Date(period.startsAt).getTime(), ...points.map((p) => p.at));
  const to = Math.max(new Date(period.endsAt).getTime(), ...points.map((p) => p.at), from + 1);
  const values = [...points.map((p) => p.value), metric.baseline, metric.target].filter((v): v is number => v !== null);
  // Round ticks that take in every value, the baseline, the target and the metric's floor.
  const ticks = valueTicks(metric.minimum !== null ? [...values, metric.minimum] : values);
  const low = ticks[0]!;
  const high = ticks.at(-1)!;
  const oneDay = dayIn(new Date(from).toISOString(), zone) === dayIn(new Date(to).toISOString(), zone);
  const x = (at: number) => PAD.left + ((at - from) / (to - from)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - (value - low) / (high - low)) * (HEIGHT - PAD.top - PAD.bottom);
  const n = (value: number) => formatNumber(value, i18n.language);
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = measurements.at(-1);
  const description = [
    metric.baseline !== null ? t('chart.baseline', { value: n(metric.baseline), unit: metric.unit }) : null,
    metric.target !== null ? t('chart.target', { value: n(metric.target), unit: metric.unit }) : null,
    last
      ? t('chart.latest', {
          count: measurements.length,
          value: n(last.value),
          unit: metric.unit,
          date: formatDate(last.observedAt, i18n.language, zone),
        })
      : null,
  ]
    .filter(Boolean)
    .join(' ');
  const reference = (value: number | null, label: string, className: string) =>
    value === null ? null : (
      <g className={className}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} strokeDasharray="6 4" strokeWidth={2} />
        <text x={WIDTH - PAD.right + 6} y={y(value) + 4} fontSize={FONT}>
          {label} {n(value)}
        </text>
      </g>
    );

  return (
    <figure className="metric-chart">
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{t('chart.title', { name: metric.name, unit: metric.unit })}</title>
        <desc id={descId}>{description}</desc>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} className="axis" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} className="axis" />
        {ticks.map((tick) => (
          <g key={tick} className="chart-tick">
            <line x1={PAD.left - 4} x2={PAD.left} y1={y(tick)} y2={y(tick)} className="axis" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={FONT}>
              {n(tick)}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 12} fontSize={FONT}>
          {axisDate(from, oneDay, i18n.language, zone)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 12} fontSize={FONT} textAnchor="end">
          {axisDate(to, oneDay, i18n.language, zone)}
        </text>
        {reference(metric.baseline, t('chart.baselineShort'), 'chart-baseline')}
        {reference(metric.target, t('chart.targetShort'), 'chart-target')}
        {line ? <path d={line} className="chart-line" fill="none" strokeWidth={2.5} /> : null}
        {points.map((p, i) => (
          <circle key={i} cx={x(p.at)} cy={y(p.value)} r={5} className="chart-point" />
        ))}
      </svg>
    </figure>
  );
}
