import { Module } from '@nestjs/common';
import { QueueModule, QueueName } from '@slussen/core';
import { ReportingModule } from '../reporting.module.js';
import { ReportRunQueue } from './report-run.queue.js';
import { ReportsController } from './reports.controller.js';

@Module({
  imports: [ReportingModule, QueueModule.registerQueues(QueueName.Reports)],
  controllers: [ReportsController],
  providers: [ReportRunQueue],
})
export class ReportingHttpModule {}
