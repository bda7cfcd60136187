import { Module } from '@nestjs/common';
import { QueueModule } from '@slussen/core';
import { REPORTS_QUEUE } from '../reporting.jobs.js';
import { ReportingModule } from '../reporting.module.js';
import { ReportRunQueue } from './report-run.queue.js';
import { ReportsController } from './reports.controller.js';

@Module({
  imports: [ReportingModule, QueueModule.registerQueues(REPORTS_QUEUE)],
  controllers: [ReportsController],
  providers: [ReportRunQueue],
})
export class ReportingHttpModule {}
