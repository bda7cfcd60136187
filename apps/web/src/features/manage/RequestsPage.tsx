import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime, formatPeriod } from '../../ui/format';
import { Page } from '../../ui/Page';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { Empty, ErrorMessage, Loading, DoneNotice } from '../../ui/Status';
import { RequireManager, useCurrentOrganization } from './access';
import { ManageNav } from './ManageNav';
import { useCompanyPilots, useDecide, useManagedBookings, useOrganizationTestbeds } from './queries';
import type { ManagedBooking } from './types';

export function RequestsPage() {
  return (
    <RequireManager>
      <Inbox />
    </RequireManager>
  );
}

/** "in 3 days", "in 5 hours", "2 hours ago", in the person's language. */
function timeLeft(iso: string, language: string, now: number): string {
  const ms = new Date(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const hours = ms / 3_600_000;
  if (Math.abs(hours) >= 48) return format.format(Math.round(hours / 24), 'day');
  if (Math.abs(hours) >= 1) return format.format(Math.round(hours), 'hour');
  return format.format(Math.round(ms / 60_000), 'minute');
}

/** Pending requests on the organization's test beds, the nearest decision deadline first. */
function Inbox() {
  const { t } = useTranslation('manage');
  const organization = useCurrentOrganization();
  const testbeds = useOrganizationTestbeds(organization?.organizationId);
  const pending = useManagedBookings({ status: 'pending' });
  const [decided, setDecided] = useState<{ title: string; approved: boolean } | null>(null);
  const ours = useMemo(
    () =>
      new Set(
        (testbeds.data?.items ?? [])
          .filter((tb) => tb.organizationId === organization?.organizationId)
          .map((tb) => tb.id),
      ),
    [testbeds.data, organization],
  );
  const requests = useMemo(
    () =>
      (pending.data?.items ?? [])
        .filter((booking) => ours.has(booking.testbedId))
        .sort((a, b) => (a.decisionDueAt ?? '9999').localeCompare(b.decisionDueAt ?? '9999')),
    [pending.data, ours],
  );
  const loading = pending.isPending || testbeds.isPending;
  return (
    <Page title={t('requests.title')} lead={t('requests.lead')}>
      <ManageNav />
      {decided ? (
        <DoneNotice>
          {t(decided.approved ? 'requests.approvedNotice' : 'requests.rejectedNotice', { title: decided.title })}
        </DoneNotice>
      ) : null}
      {loading ? <Loading /> : null}
      {pending.isError ? <ErrorMessage error={pending.error} retry={() => void pending.refetch()} /> : null}
      {!loading && !pending.isError && requests.length === 0 ? <Empty>{t('requests.none')}</Empty> : null}
      {requests.length ? (
        <ol className="request-list">
          {requests.map((booking) => (
            <RequestCard
              key={booking.id}
              booking={booking}
              onDecided={(approved) => setDecided({ title: booking.title, approved })}
            />
          ))}
        </ol>
      ) : null}
    </Page>
  );
}

function RequestCard({ booking, onDecided }: { booking: ManagedBooking; onDecided: (approved: boolean) => void }) {
  const { t, i18n } = useTranslation('manage');
  const decide = useDecide(booking.id);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const zone = booking.testbedTimezone ?? 'Europe/Stockholm';
  const language = i18n.language;
  const headingId = `request-${booking.id}`;
  const company = booking.organizationName ?? t('requests.unnamedCompany');
  const slot =
    booking.slotStartsAt && booking.slotEndsAt
      ? formatPeriod(booking.slotStartsAt, booking.slotEndsAt, language, zone)
      : '—';
  return (
    <li className="request-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{booking.title}</h2>
      <dl className="facts">
        <dt>{t('requests.company')}</dt>
        <dd>
          {company}
          {booking.organizationNumber ? ` (${t('requests.orgNumber', { number: booking.organizationNumber })})` : ''}
        </dd>
        <dt>{t('requests.testbed')}</dt>
        <dd>
          <Link to={`/manage/testbeds/${booking.testbedId}`}>{booking.testbedName}</Link>
        </dd>
        <dt>{t('requests.slot')}</dt>
        <dd>{slot}</dd>
        <dt>{t('requests.deadline')}</dt>
        <dd>
          {booking.decisionDueAt ? (
            <>
              {formatDateTime(booking.decisionDueAt, language, zone)}{' '}
              <strong>({timeLeft(booking.decisionDueAt, language, Date.now())})</strong>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('requests.sent')}</dt>
        <dd>{formatDateTime(booking.createdAt, language, zone)}</dd>
      </dl>
      {booking.description ? <p className="request-card__description">{booking.description}</p> : null}
      <EarlierPilots organizationId={booking.organizationId} company={company} />
      {decide.isError && !deciding ? <ErrorMessage error={decide.error} /> : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-disabled={decide.isPending}
          aria-label={t('requests.approveLabel', { title: booking.title, company })}
          onClick={() => setDeciding('approve')}
        >
          {t('requests.approve')}
        </button>
        <button
          type="button"
          className="button button--warning"
          aria-label={t('requests.rejectLabel', { title: booking.title, company })}
          onClick={() => setDeciding('reject')}
        >
          {t('requests.reject')}
        </button>
      </div>
      {deciding === 'approve' ? (
        <ConfirmDialog
          title={t('requests.approveTitle', { company })}
          body={t('requests.approveBody', { company, title: booking.title, testbed: booking.testbedName, slot })}
          confirm={t('requests.approveConfirm')}
          keep={t('requests.keep')}
          tone="plain"
          pending={decide.isPending}
          error={decide.error}
          onConfirm={() => decide.mutate({ approve: true }, { onSuccess: () => onDecided(true) })}
          onClose={() => setDeciding(null)}
        />
      ) : null}
      {deciding === 'reject' ? (
        <ReasonDialog
          ns="manage"
          title={t('requests.rejectTitle', { title: booking.title })}
          label={t('requests.reason')}
          hint={t('requests.reasonHint')}
          missing={t('requests.reasonNeeded')}
          confirm={t('requests.rejectConfirm')}
          keep={t('requests.keep')}
          warning
          pending={decide.isPending}
          onConfirm={(reason, onError) =>
            decide.mutate({ approve: false, reason }, { onSuccess: () => onDecided(false), onError })
          }
          onClose={() => setDeciding(null)}
        >
          <p>{t('requests.rejectBody', { company, testbed: booking.testbedName, slot })}</p>
        </ReasonDialog>
      ) : null}
    </li>
  );
}

function EarlierPilots({ organizationId, company }: { organizationId: string; company: string }) {
  const { t } = useTranslation('manage');
  const pilots = useCompanyPilots(organizationId);
  return (
    <div className="earlier-pilots">
      <h3>{t('requests.earlierPilots', { company })}</h3>
      {pilots.isPending ? <Loading /> : null}
      {pilots.isError ? <p>{t('requests.pilotsUnavailable')}</p> : null}
      {pilots.data && pilots.data.items.length === 0 ? <p>{t('requests.noPilots')}</p> : null}
      {pilots.data?.items.length ? (
        <ul>
          {pilots.data.items.map((pilot) => (
            <li key={pilot.id}>
              <Link to={`/pilots/${pilot.id}`}>{pilot.title ?? pilot.testbedName ?? pilot.id}</Link> –{' '}
              {t(`pilots:stages.${pilot.stage}`, { defaultValue: pilot.stage })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
