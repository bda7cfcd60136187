import { DateTime } from 'luxon';
import { FIGURES } from '../figures.js';
import type { ReportView } from './report-view.js';
import { barChart, escapeHtml } from './svg-chart.js';

const formatValue = (value: unknown, unit: string): string => {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([part, count]) => `${part}: ${formatValue(count, unit)}`).join(', ');
  if (typeof value !== 'number') return String(value);
  if (unit === 'ratio') return `${(value * 100).toFixed(1)} %`;
  if (unit === 'days') return `${value.toFixed(1)} days`;
  return String(value);
};

/** A printable page: the figures with their definitions, utilization over months and outcomes by result as SVG charts, and the breakdowns. */
export function renderReportHtml(report: ReportView, months: Array<{ month: Date; utilization: number | null }>): string {
  const day = (iso: string) => DateTime.fromISO(iso, { zone: report.period.timezone }).toFormat('yyyy-MM-dd HH:mm');
  const subject = report.scope === 'platform' ? 'Slussen (whole platform)' : `${report.subjectName ?? report.subjectId} (${report.scope})`;
  const outcomes = (report.figures.find((figure) => figure.key === 'outcomesByResult')?.value ?? {}) as Record<string, number>;
  const utilization = barChart('Utilization by month', months.map((month) => ({ label: DateTime.fromJSDate(new Date(month.month), { zone: report.period.timezone }).toFormat('yyyy-MM'), value: month.utilization })), { percent: true });
  const results = Object.keys(FIGURES.find((figure) => figure.key === 'outcomesByResult')!.parts!);
  const outcomeChart = barChart('Outcomes by result', results.map((result) => ({ label: result, value: outcomes[result] ?? 0 })));
  const rows = report.figures.map((figure) => `<tr><th scope="row">${escapeHtml(figure.title)}</th><td>${escapeHtml(formatValue(figure.value, figure.unit))}</td><td class="definition">${escapeHtml(figure.definition)}</td></tr>`).join('\n');
  const breakdown = (name: string, values: Record<string, Record<string, unknown>>) => {
    const keys = Object.keys(values).sort();
    if (keys.length === 0) return `<p>No activity by ${escapeHtml(name)} in this period.</p>`;
    const head = `<tr><th>Figure</th>${keys.map((key) => `<th>${escapeHtml(key)}</th>`).join('')}</tr>`;
    const body = FIGURES.map((figure) => `<tr><th scope="row">${escapeHtml(figure.title)}</th>${keys.map((key) => `<td>${escapeHtml(formatValue(values[key]![figure.key], figure.unit))}</td>`).join('')}</tr>`).join('\n');
    return `<table>${head}${body}</table>`;
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Outcome report: ${escapeHtml(subject)}</title>
<style>
body{font-family:sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.definition{color:#555;font-size:.9em}h1{font-size:1.5rem}.meta{color:#555}@media print{body{margin:0}svg{page-break-inside:avoid}}
</style></head><body>
<h1>Outcome report: ${escapeHtml(subject)}</h1>
<p class="meta">Period (${escapeHtml(report.period.kind)}): ${day(report.period.from)} – ${day(report.period.to)} (${escapeHtml(report.period.timezone)}). Built ${escapeHtml(report.builtAt)} by run ${escapeHtml(report.runId)}.</p>
<h2>Figures</h2>
<table><tr><th>Figure</th><th>Value</th><th>What it means</th></tr>
${rows}
</table>
<h2>Charts</h2>
${utilization}
${outcomeChart}
<h2>By domain</h2>
${breakdown('domain', report.breakdowns.domain ?? {})}
<h2>By environment type</h2>
${breakdown('environment type', report.breakdowns.environmentType ?? {})}
</body></html>`;
}
