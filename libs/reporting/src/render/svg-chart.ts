const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export interface Bar {
  label: string;
  value: number | null;
}

/**
 * A vertical bar chart as a self-contained SVG: one bar per label, the value
 * printed over it (as a percentage when `percent`), an empty slot for a null.
 */
export function barChart(
  title: string,
  bars: Bar[],
  options: { percent?: boolean; width?: number; height?: number; noData?: string } = {},
): string {
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  const top = 36;
  const bottom = 40;
  const plot = height - top - bottom;
  const max = options.percent ? 1 : Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const slot = bars.length ? (width - 20) / bars.length : width;
  const format = (value: number) =>
    options.percent ? `${Math.round(value * 100)} %` : Number.isInteger(value) ? String(value) : value.toFixed(1);
  const shapes = bars.map((bar, index) => {
    const x = 10 + index * slot + slot * 0.15;
    const barWidth = slot * 0.7;
    const label = `<text x="${x + barWidth / 2}" y="${height - bottom + 16}" text-anchor="middle" font-size="${bars.length > 12 ? 8 : 11}">${escape(bar.label)}</text>`;
    if (bar.value === null)
      return `${label}<text x="${x + barWidth / 2}" y="${top + plot - 4}" text-anchor="middle" font-size="11" fill="#888">–</text>`;
    const barHeight = Math.max(0, (Math.min(bar.value, max) / max) * plot);
    const y = top + plot - barHeight;
    return `<rect x="${x}" y="${y}" width="${barWidth}" height="${barHeight}" fill="#2f6f9f"><title>${escape(bar.label)}: ${format(bar.value)}</title></rect>${label}<text x="${x + barWidth / 2}" y="${y - 4}" text-anchor="middle" font-size="11">${format(bar.value)}</text>`;
  });
  if (bars.length === 0)
    shapes.push(
      `<text x="${width / 2}" y="${top + plot / 2}" text-anchor="middle" font-size="12" fill="#888">${escape(options.noData ?? 'No data yet')}</text>`,
    );
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">
<text x="10" y="20" font-size="14" font-weight="bold">${escape(title)}</text>
<line x1="10" y1="${top + plot}" x2="${width - 10}" y2="${top + plot}" stroke="#444"/>
${shapes.join('\n')}
</svg>`;
}

export { escape as escapeHtml };
