import { Injectable } from '@nestjs/common';
import { AppConfig } from '@slussen/core';
import { Messages, type Notice, type NoticeReads } from '@slussen/notifications';
import { ReportsService } from '../reports.service.js';
import { renderReportMail } from './report-mail.js';
import type { ReportingTopics } from './reporting.topics.js';

/** Tells a subscriber that a month's report is ready, with links to its renderings; never to a webhook. */
@Injectable()
export class ReportingMessages extends Messages<keyof ReportingTopics> {
  readonly messages = {
    'report.month-ready': (payload: ReportingTopics['report.month-ready'], reads: NoticeReads) =>
      this.monthReady(payload, reads),
  };

  /** A batch's snapshots, each read once for the batch (a month's report goes to many subscribers at once). */
  private readonly snapshotsById = (ids: readonly string[]) => this.reports.forNotifications(ids);

  constructor(
    private readonly reports: ReportsService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private async monthReady(payload: ReportingTopics['report.month-ready'], reads: NoticeReads): Promise<Notice | null> {
    const [report, person] = await Promise.all([
      reads.load(this.snapshotsById, String(payload.snapshotId)),
      reads.contactOfUser(String(payload.userId)),
    ]);
    if (!report || !person) return null;
    return {
      people: new Map([[person.userId, { ...person, audience: 'subscriber' }]]),
      organizations: [],
      webhookData: {},
      render: (recipient) =>
        renderReportMail(recipient.language, {
          recipientName: recipient.name,
          subjectName: report.subjectName,
          scope: report.scope,
          periodStart: new Date(report.periodStart).toISOString(),
          timezone: this.config.reportTimezone,
          link: `${this.config.publicUrl}/api/v1/reports/${report.id}`,
        }),
    };
  }
}
