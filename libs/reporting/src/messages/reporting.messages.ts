import { Injectable } from '@nestjs/common';
import { AppConfig } from '@slussen/core';
import { MembersService } from '@slussen/identity';
import { Messages, type Notice } from '@slussen/notifications';
import { ReportsService } from '../reports.service.js';
import { renderReportMail } from './report-mail.js';
import type { ReportingTopics } from './reporting.topics.js';

/** Tells a subscriber that a month's report is ready, with links to its renderings; never to a webhook. */
@Injectable()
export class ReportingMessages extends Messages<keyof ReportingTopics> {
  readonly messages = {
    'report.month-ready': (payload: ReportingTopics['report.month-ready']) => this.monthReady(payload),
  };

  constructor(
    private readonly reports: ReportsService,
    private readonly members: MembersService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private async monthReady(payload: ReportingTopics['report.month-ready']): Promise<Notice | null> {
    const [report, person] = await Promise.all([
      this.reports.forNotification(String(payload.snapshotId)),
      this.members.contactOfUser(String(payload.userId)),
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
