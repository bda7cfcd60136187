import { ReportRun } from './entities/report-run.entity.js';
import { ReportSnapshot } from './entities/report-snapshot.entity.js';
import { ReportSubscription } from './entities/report-subscription.entity.js';

export const REPORTING_ENTITIES = [ReportRun, ReportSnapshot, ReportSubscription];
