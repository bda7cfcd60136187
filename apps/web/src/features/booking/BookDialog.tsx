import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { rulesInWords } from '../catalogue/rules';
import type { Slot, Testbed } from '../catalogue/types';
import { ErrorSummary, Field, type ShownError } from '../../ui/Form';
import { formatPeriod, zoneName } from '../../ui/format';
import { randomId } from '../../ui/id';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';

/**
 * Booking a slot: the rules and what happens next, then a title for the request.
 * One Idempotency-Key per dialog, so a double click or a retry books once.
 * `ideaId`: the accepted idea or need the booking pilots (a company books a matched test bed from it).
 */
export function BookDialog({
  testbed,
  slot,
  ideaId,
  onClose,
}: {
  testbed: Testbed;
  slot: Slot;
  ideaId?: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('booking');
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(randomId);
  const full = slot.remaining <= 0;
  const labels = { title: t('form.title'), description: t('form.description'), waitlist: t('form.waitlist') };
  const problems = useFormProblems('booking', labels);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const { sending, run } = useSubmitOnce();
  const period = formatPeriod(slot.startsAt, slot.endsAt, i18n.language, testbed.timezone);

  const book = useMutation({
    mutationFn: (body: { title: string; description?: string; waitlist?: boolean; ideaId?: string }) =>
      call(
        api.POST('/api/v1/slots/{id}/bookings', {
          params: { path: { id: slot.id }, header: { 'idempotency-key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['slots', testbed.id] });
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
      setTimeout(() => doneHeading.current?.focus(), 0);
    },
    onError: problems.show,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    const description = String(form.get('description') ?? '').trim();
    const missing: ShownError[] = [];
    if (!title) missing.push({ field: 'title', label: labels.title, message: t('errors.title.isNotEmpty') });
    if (full && form.get('waitlist') !== 'yes')
      missing.push({ field: 'waitlist', label: labels.waitlist, message: t('errors.waitlist.required') });
    if (missing.length) return problems.setFieldErrors(missing);
    problems.clear();
    // The problem is shown by onError; the same Idempotency-Key makes a retry book once.
    void run(() =>
      book
        .mutateAsync({
          title,
          ...(description ? { description } : {}),
          ...(full ? { waitlist: true } : {}),
          ...(ideaId ? { ideaId } : {}),
        })
        .catch(() => undefined),
    );
  };

  const result = book.data;
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => (open ? undefined : onClose())}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog">
          {result ? (
            <>
              <Heading slot="title" ref={doneHeading} tabIndex={-1}>
                {t(`done.${result.status}.title`, { defaultValue: t('done.other.title') })}
              </Heading>
              <p>
                {t(`done.${result.status}.body`, { defaultValue: t('done.other.body'), testbed: testbed.name, period })}
              </p>
              <div className="actions">
                <Link className="button" to={`/bookings/${result.id}`}>
                  {t('done.open')}
                </Link>
                <button type="button" className="button button--secondary" onClick={onClose}>
                  {t('done.close')}
                </button>
              </div>
            </>
          ) : (
            <>
              <Heading slot="title">{full ? t('dialog.waitTitle') : t('dialog.title')}</Heading>
              <p>
                <strong>{testbed.name}</strong>
                <br />
                {period}
                <br />
                <span className="meta">
                  {t('common:timeZone', { zone: zoneName(testbed.timezone, i18n.language) })}
                </span>
              </p>
              {full ? <p className="notice">{t('dialog.fullExplained')}</p> : null}
              {ideaId ? (
                <p className="notice">
                  {t('dialog.linkedIdea')} <Link to={`/ideas/${ideaId}`}>{t('dialog.openIdea')}</Link>
                </p>
              ) : null}
              <h3>{t('dialog.rules')}</h3>
              <ul>
                {rulesInWords(t, testbed.rules, testbed.capacity).map((rule) => (
                  <li key={rule}>{rule}</li>
                ))}
              </ul>
              <h3>{t('dialog.next')}</h3>
              <p>
                {full
                  ? t('dialog.nextWaitlist')
                  : testbed.rules.requiresApproval
                    ? t('dialog.nextApproval', { count: testbed.rules.decisionDays })
                    : t('dialog.nextConfirmed')}
              </p>
              <form onSubmit={submit} noValidate>
                <ErrorSummary errors={problems.errors} general={problems.general} />
                <Field
                  name="title"
                  label={labels.title}
                  hint={t('form.titleHint')}
                  error={problems.errorFor('title')}
                  maxLength={200}
                  autoComplete="off"
                />
                <TextAreaField
                  name="description"
                  label={labels.description}
                  hint={t('form.descriptionHint')}
                  error={problems.errorFor('description')}
                  rows={4}
                  maxLength={5000}
                />
                {full ? (
                  <div className={problems.errorFor('waitlist') ? 'field field--error' : 'field'}>
                    {problems.errorFor('waitlist') ? (
                      <p className="field-error" id="field-waitlist-error">
                        {problems.errorFor('waitlist')}
                      </p>
                    ) : null}
                    <div className="radio-group">
                      <label>
                        <input
                          type="checkbox"
                          id="field-waitlist"
                          name="waitlist"
                          value="yes"
                          aria-describedby={problems.errorFor('waitlist') ? 'field-waitlist-error' : undefined}
                        />
                        {labels.waitlist}
                      </label>
                    </div>
                  </div>
                ) : null}
                <div className="actions">
                  <button type="submit" className="button" aria-disabled={sending}>
                    {sending
                      ? t('form.sending')
                      : full
                        ? t('form.submitWait')
                        : testbed.rules.requiresApproval
                          ? t('form.submitRequest')
                          : t('form.submitBook')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={onClose}>
                    {t('form.cancel')}
                  </button>
                </div>
              </form>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
