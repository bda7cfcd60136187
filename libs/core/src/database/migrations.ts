import { Extensions1795819638944 } from './migrations/1795819638944-Extensions.js';
import { Identity1795820590440 } from './migrations/1795820590440-Identity.js';
import { CatalogueAndSlots1795821667565 } from './migrations/1795821667565-CatalogueAndSlots.js';
import { SlotCapacityRules1795821855605 } from './migrations/1795821855605-SlotCapacityRules.js';
import { Bookings1795822717678 } from './migrations/1795822717678-Bookings.js';
import { IdempotencyKeys1795823267865 } from './migrations/1795823267865-IdempotencyKeys.js';
import { CalendarFeeds1795823536852 } from './migrations/1795823536852-CalendarFeeds.js';
import { BookingCompanyLimit1795824196615 } from './migrations/1795824196615-BookingCompanyLimit.js';
import { OutboxAndDeliveries1795824534494 } from './migrations/1795824534494-OutboxAndDeliveries.js';
import { Reminders1795825080611 } from './migrations/1795825080611-Reminders.js';
import { Webhooks1795825840831 } from './migrations/1795825840831-Webhooks.js';
import { Pilots1795828602801 } from './migrations/1795828602801-Pilots.js';
import { Reporting1795831321275 } from './migrations/1795831321275-Reporting.js';
import { MeasurementFacts1795832621000 } from './migrations/1795832621000-MeasurementFacts.js';
import { WebhookFailures1795998355686 } from './migrations/1795998355686-WebhookFailures.js';
import { CompanyActivePlaces1795998616647 } from './migrations/1795998616647-CompanyActivePlaces.js';
import { CalendarFeedTokenExpiry1795999120909 } from './migrations/1795999120909-CalendarFeedTokenExpiry.js';
import { ReportRunGuards1796000506142 } from './migrations/1796000506142-ReportRunGuards.js';
import { IdempotencyBodyAsSent1796001473806 } from './migrations/1796001473806-IdempotencyBodyAsSent.js';
import { DeliverySweep1796000814706 } from './migrations/1796000814706-DeliverySweep.js';
import { InvitationsAndPasswordTokens1796002722417 } from './migrations/1796002722417-InvitationsAndPasswordTokens.js';
import { WebhookDeliveriesBySubscription1796010000000 } from './migrations/1796010000000-WebhookDeliveriesBySubscription.js';
import { ClosedSlots1796020000000 } from './migrations/1796020000000-ClosedSlots.js';
import { SchedulingReadsThroughOwners1796050000000 } from './migrations/1796050000000-SchedulingReadsThroughOwners.js';
import { PilotsReadThroughOwners1796060000000 } from './migrations/1796060000000-PilotsReadThroughOwners.js';
import { OutboxNotifyOneAtATime1796070000000 } from './migrations/1796070000000-OutboxNotifyOneAtATime.js';
import { Ideas1796100000000 } from './migrations/1796100000000-Ideas.js';
import { ResultsLibrary1796200000000 } from './migrations/1796200000000-ResultsLibrary.js';
import { ResultOrigins1796200000001 } from './migrations/1796200000001-ResultOrigins.js';
import { SluiceAndLibraryFacts1796300000000 } from './migrations/1796300000000-SluiceAndLibraryFacts.js';
import { OneOrganizationView1796300000001 } from './migrations/1796300000001-OneOrganizationView.js';
import { EventOrder1796800000000 } from './migrations/1796800000000-EventOrder.js';
import { CompanyLimitBound1796900000000 } from './migrations/1796900000000-CompanyLimitBound.js';

/**
 * Every migration, oldest first. Listed as classes, not a glob, so that dist,
 * tsx and jest load them the same way; a unit test checks none is missing.
 */
export const MIGRATIONS = [
  Extensions1795819638944,
  Identity1795820590440,
  CatalogueAndSlots1795821667565,
  SlotCapacityRules1795821855605,
  Bookings1795822717678,
  IdempotencyKeys1795823267865,
  CalendarFeeds1795823536852,
  BookingCompanyLimit1795824196615,
  OutboxAndDeliveries1795824534494,
  Reminders1795825080611,
  Webhooks1795825840831,
  Pilots1795828602801,
  Reporting1795831321275,
  MeasurementFacts1795832621000,
  WebhookFailures1795998355686,
  CompanyActivePlaces1795998616647,
  CalendarFeedTokenExpiry1795999120909,
  ReportRunGuards1796000506142,
  DeliverySweep1796000814706,
  IdempotencyBodyAsSent1796001473806,
  InvitationsAndPasswordTokens1796002722417,
  WebhookDeliveriesBySubscription1796010000000,
  ClosedSlots1796020000000,
  SchedulingReadsThroughOwners1796050000000,
  PilotsReadThroughOwners1796060000000,
  OutboxNotifyOneAtATime1796070000000,
  Ideas1796100000000,
  ResultsLibrary1796200000000,
  ResultOrigins1796200000001,
  SluiceAndLibraryFacts1796300000000,
  OneOrganizationView1796300000001,
  EventOrder1796800000000,
  CompanyLimitBound1796900000000,
];
