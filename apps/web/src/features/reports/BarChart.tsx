/** A bar per value, scaled to the largest (or to 100 % for shares), each with its number over it; the numbers are also in a table beside it. */
export function BarChart({
  title,
  bars,
  percent = false,
  format,
}: {
  title: string;
  bars: Array<{ label: string; value: number | null }>;
  percent?: boolean;
  format: (value: number) => string;
}) {
  const width = Math.max(320, bars.length * 56);
  const height = 200;
  const top = 24;
  const bottom = 36;
  const plot = height - top - bottom;
  const max = percent ? 1 : Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const slot = bars.length ? width / bars.length : width;
  return (
    <svg
      className="bar-chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMinYMin meet"
      style={{ maxWidth: `${width}px` }}
    >
      <line x1={0} y1={top + plot} x2={width} y2={top + plot} stroke="currentColor" />
      {bars.map((bar, index) => {
        const x = index * slot + slot * 0.15;
        const barWidth = slot * 0.7;
        const barHeight = bar.value === null ? 0 : (Math.min(bar.value, max) / max) * plot;
        return (
          <g key={bar.label}>
            {bar.value === null ? null : (
              <rect x={x} y={top + plot - barHeight} width={barWidth} height={barHeight} className="bar-chart__bar" />
            )}
            <text x={x + barWidth / 2} y={top + plot - barHeight - 6} textAnchor="middle" className="bar-chart__value">
              {bar.value === null ? '–' : format(bar.value)}
            </text>
            <text x={x + barWidth / 2} y={height - bottom + 18} textAnchor="middle" className="bar-chart__label">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
