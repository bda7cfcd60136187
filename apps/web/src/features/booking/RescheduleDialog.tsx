import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Label, Modal, ModalOverlay, Radio, RadioGroup, Text } from 'react-aria-components';
import { useSlots } from '../catalogue/queries';
import { ErrorSummary } from '../../ui/Form';
import { formatPeriod, zoneName } from '../../ui/format';
import { Empty, ErrorMessage, Loading } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';
import { useRescheduleBooking } from './queries';
import type { Booking } from './types';

/** Move a booking to another open slot of the same test bed; the API moves it atomically or not at all. */
export function RescheduleDialog({
  booking,
  zone,
  onClose,
  onDone,
}: {
  booking: Booking;
  zone: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation('booking');
  const [window] = useState(() => ({
    from: new Date().toISOString(),
    to: new Date(Date.now() + 400 * 86_400_000).toISOString(),
  }));
  const slots = useSlots(booking.testbedId, window.from, window.to);
  const reschedule = useRescheduleBooking(booking.id);
  const problems = useFormProblems('booking', { slotId: t('reschedule.slot') });
  const [slotId, setSlotId] = useState<string>('');
  const { sending, run } = useSubmitOnce();

  const choices = useMemo(
    () =>
      (slots.data?.items ?? []).filter(
        (slot) => slot.status === 'open' && slot.id !== booking.slotId && slot.remaining > 0 && slot.bookable !== false,
      ),
    [slots.data, booking.slotId],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!slotId)
      return problems.setFieldErrors([
        { field: 'slotId', label: t('reschedule.slot'), message: t('errors.slotId.required') },
      ]);
    void run(() => reschedule.mutateAsync(slotId).then(onDone, problems.show));
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
          <Heading slot="title">{t('reschedule.title')}</Heading>
          <p>{t('reschedule.body')}</p>
          {slots.isPending ? <Loading /> : null}
          {slots.isError ? <ErrorMessage error={slots.error} retry={() => void slots.refetch()} /> : null}
          {slots.data && choices.length === 0 ? <Empty>{t('reschedule.none')}</Empty> : null}
          <form onSubmit={submit} noValidate>
            <ErrorSummary errors={problems.errors} general={problems.general} />
            {choices.length ? (
              <RadioGroup
                id="field-slotId"
                className={problems.errorFor('slotId') ? 'field field--error' : 'field'}
                value={slotId}
                onChange={setSlotId}
                isInvalid={Boolean(problems.errorFor('slotId'))}
              >
                <Label className="label">{t('reschedule.slot')}</Label>
                <Text slot="description" className="hint">
                  {t('common:timeZone', { zone: zoneName(zone, i18n.language) })}
                </Text>
                {problems.errorFor('slotId') ? (
                  <Text slot="errorMessage" className="field-error">
                    {problems.errorFor('slotId')}
                  </Text>
                ) : null}
                <div className="radio-group">
                  {choices.map((slot) => (
                    <Radio key={slot.id} value={slot.id} className="radio">
                      {formatPeriod(slot.startsAt, slot.endsAt, i18n.language, zone)} (
                      {t('reschedule.free', { count: slot.remaining })})
                    </Radio>
                  ))}
                </div>
              </RadioGroup>
            ) : null}
            <div className="actions">
              {choices.length ? (
                <button type="submit" className="button" aria-disabled={sending}>
                  {sending ? t('form.sending') : t('reschedule.confirm')}
                </button>
              ) : null}
              <button type="button" className="button button--secondary" onClick={onClose}>
                {t('form.cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
