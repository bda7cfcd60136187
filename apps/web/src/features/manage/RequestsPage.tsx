import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Link } from 'react-router';
import { ErrorSummary } from '../../ui/Form';
import { TextAreaField } from '../../ui/TextAreaField';
import { formatDateTime, formatPeriod } from '../../ui/format';
import { Page } from '../../ui/Page';
import { describeProblem } from '../../ui/problems';
import { Empty, ErrorMessage, Loading, Notice } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
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
        <Notice tone="success">
          {t(decided.approved ? 'requests.approvedNotice' : 'requests.rejectedNotice', { title: decided.title })}
        </Notice>
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
  const [rejecting, setRejecting] = useState(false);
  const zone = booking.testbedTimezone ?? 'Europe/Stockholm';
  const language = i18n.language;
  const headingId = `request-${booking.id}`;
  const company = booking.organizationName ?? t('requests.unnamedCompany');
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
        <dd>
          {booking.slotStartsAt && booking.slotEndsAt
            ? formatPeriod(booking.slotStartsAt, booking.slotEndsAt, language, zone)
            : '—'}
        </dd>
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
      {decide.isError ? (
        <div className="notice notice--error" role="alert">
          <p>{describeProblem(t, decide.error)}</p>
        </div>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-disabled={decide.isPending}
          aria-label={t('requests.approveLabel', { title: booking.title, company })}
          onClick={() => !decide.isPending && decide.mutate({ approve: true }, { onSuccess: () => onDecided(true) })}
        >
          {t('requests.approve')}
        </button>
        <button
          type="button"
          className="button button--warning"
          aria-label={t('requests.rejectLabel', { title: booking.title, company })}
          onClick={() => setRejecting(true)}
        >
          {t('requests.reject')}
        </button>
      </div>
      {rejecting ? (
        <RejectDialog booking={booking} onClose={() => setRejecting(false)} onDone={() => onDecided(false)} />
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

function RejectDialog({
  booking,
  onClose,
  onDone,
}: {
  booking: ManagedBooking;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('manage');
  const decide = useDecide(booking.id);
  const problems = useFormProblems('manage', { reason: t('requests.reason') });
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decide.isPending) return;
    if (!reason.trim()) {
      problems.setFieldErrors([{ field: 'reason', label: t('requests.reason'), message: t('requests.reasonNeeded') }]);
      return;
    }
    decide.mutate({ approve: false, reason: reason.trim() }, { onSuccess: onDone, onError: problems.show });
  };
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => (open ? undefined : onClose())}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title">{t('requests.rejectTitle', { title: booking.title })}</Heading>
          <form onSubmit={submit} noValidate>
            <ErrorSummary errors={problems.errors} general={problems.general} />
            <TextAreaField
              name="reason"
              label={t('requests.reason')}
              hint={t('requests.reasonHint')}
              error={problems.errorFor('reason')}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="actions">
              <button type="submit" className="button button--warning" aria-disabled={decide.isPending}>
                {t('requests.rejectConfirm')}
              </button>
              <button type="button" className="button button--secondary" onClick={onClose}>
                {t('requests.keep')}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
