import { DateTime } from 'luxon';
import { FIGURES } from '../figures.js';
import { dimensionLabel, figureText, monthLabel, partLabel, REPORT_TEXT, type ReportLanguage } from './report-text.js';
import type { ReportView } from './report-view.js';
import { barChart, escapeHtml } from './svg-chart.js';

/** Columns of one breakdown table: more would not fit across an A4 page, so a breakdown with more values is split into several tables. */
export const BREAKDOWN_COLUMNS_PER_TABLE = 4;

const formatNumber = (value: number, language: ReportLanguage, digits = 1) =>
  new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits }).format(value);

function formatValue(value: unknown, unit: string, language: ReportLanguage): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([part, count]) => `${partLabel(part, language)}: ${formatValue(count, unit, language)}`)
      .join(', ');
  if (typeof value !== 'number') return String(value);
  if (unit === 'ratio') return `${formatNumber(value * 100, language)} %`;
  if (unit === 'days') return `${formatNumber(value, language)} ${REPORT_TEXT[language].days}`;
  return formatNumber(value, language, 2);
}

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < values.length; index += size) out.push(values.slice(index, index + size));
  return out;
}

/**
 * A printable A4 page in the report's language: the figures with their
 * definitions, utilization over every month of the period and outcomes by
 * result as SVG charts (with their numbers as tables), and the breakdowns by
 * domain and environment type under their names.
 */
export function renderReportHtml(report: ReportView): string {
  const language: ReportLanguage = report.language === 'sv' ? 'sv' : 'en';
  const text = REPORT_TEXT[language];
  const day = (iso: string) => DateTime.fromISO(iso, { zone: report.period.timezone }).toFormat('yyyy-MM-dd HH:mm');
  const subject =
    report.scope === 'platform'
      ? text.platform
      : `${report.subjectName ?? report.subjectId} (${text.scope[report.scope]})`;
  const outcomes = (report.figures.find((figure) => figure.key === 'outcomesByResult')?.value ?? {}) as Record<
    string,
    number
  >;
  const results = Object.keys(FIGURES.find((figure) => figure.key === 'outcomesByResult')!.parts!);
  const months = report.utilizationByMonth;
  const utilization = barChart(
    text.utilizationByMonth,
    months.map((month, index) => ({
      label: monthLabel(month.month, language, { withYear: index === 0 || month.month.endsWith('-01') }),
      value: month.utilization,
    })),
    { percent: true, noData: text.noData },
  );
  const outcomeChart = barChart(
    text.outcomesByResult,
    results.map((result) => ({ label: partLabel(result, language), value: outcomes[result] ?? 0 })),
    { noData: text.noData },
  );
  const numbersOf = (caption: string, head: string, rows: Array<[string, string]>) =>
    `<table class="numbers"><caption>${escapeHtml(caption)}</caption><tr><th scope="col">${escapeHtml(head)}</th><th scope="col">${escapeHtml(text.value)}</th></tr>${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
  const rows = report.figures
    .map(
      (figure) =>
        `<tr><th scope="row">${escapeHtml(figure.title)}</th><td>${escapeHtml(formatValue(figure.value, figure.unit, language))}</td><td class="definition">${escapeHtml(figure.definition)}</td></tr>`,
    )
    .join('\n');
  const breakdown = (dimension: string, name: string, values: Record<string, Record<string, unknown>>) => {
    const keys = Object.keys(values).sort((a, b) =>
      dimensionLabel(dimension, a, language).localeCompare(dimensionLabel(dimension, b, language), language),
    );
    if (keys.length === 0) return `<p>${escapeHtml(text.noActivity(name))}</p>`;
    return chunks(keys, BREAKDOWN_COLUMNS_PER_TABLE)
      .map((group) => {
        const head = `<tr><th scope="col">${escapeHtml(text.figure)}</th>${group.map((key) => `<th scope="col">${escapeHtml(dimensionLabel(dimension, key, language))}</th>`).join('')}</tr>`;
        const body = FIGURES.map(
          (figure) =>
            `<tr><th scope="row">${escapeHtml(figureText(figure, language).title)}</th>${group.map((key) => `<td>${escapeHtml(formatValue(values[key]![figure.key], figure.unit, language))}</td>`).join('')}</tr>`,
        ).join('\n');
        return `<table class="breakdown">${head}${body}</table>`;
      })
      .join('\n');
  };
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(text.heading)}: ${escapeHtml(subject)}</title>
<style>
@page{size:A4;margin:15mm}
body{font-family:sans-serif;margin:2rem auto;max-width:180mm;color:#222;font-size:10.5pt}
table{border-collapse:collapse;margin:.8rem 0;width:100%;table-layout:fixed}
th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
table.breakdown th:first-child{width:34%}table.numbers{width:auto;min-width:50%}caption{text-align:left;font-weight:bold;padding:.2rem 0}
td.definition{color:#444;font-size:.9em}h1{font-size:1.4rem}.meta{color:#444}svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none}svg,table{page-break-inside:avoid}}
</style></head><body>
<h1>${escapeHtml(text.heading)}: ${escapeHtml(subject)}</h1>
<p class="meta">${escapeHtml(text.period)} (${escapeHtml(text.periodKind[report.period.kind])}): ${day(report.period.from)} – ${day(report.period.to)} (${escapeHtml(report.period.timezone)}). ${escapeHtml(text.built)} ${escapeHtml(day(report.builtAt))} ${escapeHtml(text.byRun)} ${escapeHtml(report.runId)}.</p>
<h2>${escapeHtml(text.figures)}</h2>
<table><colgroup><col style="width:28%"><col style="width:22%"><col></colgroup><tr><th scope="col">${escapeHtml(text.figure)}</th><th scope="col">${escapeHtml(text.value)}</th><th scope="col">${escapeHtml(text.meaning)}</th></tr>
${rows}
</table>
<h2>${escapeHtml(text.charts)}</h2>
${utilization}
${numbersOf(
  text.utilizationByMonth,
  text.month,
  months.map((month) => [monthLabel(month.month, language), formatValue(month.utilization, 'ratio', language)]),
)}
${outcomeChart}
${numbersOf(
  text.outcomesByResult,
  text.figure,
  results.map((result) => [partLabel(result, language), formatValue(outcomes[result] ?? 0, 'count', language)]),
)}
<h2>${escapeHtml(text.byDomain)}</h2>
${breakdown('domain', text.domain, report.breakdowns.domain ?? {})}
<h2>${escapeHtml(text.byEnvironmentType)}</h2>
${breakdown('environmentType', text.environmentType, report.breakdowns.environmentType ?? {})}
</body></html>`;
}
