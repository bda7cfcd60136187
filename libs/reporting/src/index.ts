// The reporting context's public surface.
export { FIGURES, type Figure } from './figures.js';
export { ReportingHttpModule } from './http/reporting-http.module.js';
export { ReportingJobsModule } from './jobs/reporting-jobs.module.js';
export { ReportBuilderService } from './report-builder.service.js';
export { nightlyPeriods, reportedDay } from './report-periods.js';
export { REPORTING_ENTITIES } from './reporting.entities.js';
export { ReportingModule } from './reporting.module.js';
export { ReportsService } from './reports.service.js';
export { REPORTING_JOBS, REPORTS_QUEUE, ReportingJob } from './reporting.jobs.js';
export { REPORTING_CONFIG, ReportingConfig } from './reporting.config.js';
