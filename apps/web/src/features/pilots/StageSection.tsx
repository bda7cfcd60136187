import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Label, Modal, ModalOverlay, Radio, RadioGroup } from 'react-aria-components';
import { DatePicker } from '../../ui/DatePicker';
import { ErrorSummary } from '../../ui/Form';
import { formatDateTime, formatDay } from '../../ui/format';
import { useFormProblems } from '../../ui/useFormProblems';
import { FormField } from '../../ui/FormField';
import { useMoveStage, useRecordOutcome } from './queries';
import { RESULTS, type Pilot, type Result } from './types';

type Action = 'evaluate' | 'abort' | 'outcome';

/** The stage, what it means, and the moves the lifecycle allows this person now. */
export function StageSection({ pilot, onDone }: { pilot: Pilot; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation('pilots');
  const [open, setOpen] = useState<Action | null>(null);
  const allowed = pilot.permissions;
  const done = (message: string) => {
    setOpen(null);
    onDone(message);
  };
  return (
    <section aria-labelledby="stage">
      <h2 id="stage">{t('stageTitle')}</h2>
      <p>{t(`stageExplained.${pilot.stage}`)}</p>
      {pilot.abortReason ? <p>{t('abortedBecause', { reason: pilot.abortReason })}</p> : null}
      {pilot.outcome ? (
        <dl className="facts">
          <dt>{t('outcome')}</dt>
          <dd>
            <strong>{t(`results.${pilot.outcome.result}`)}</strong> ·{' '}
            {formatDateTime(pilot.outcome.recordedAt, i18n.language, pilot.timezone)}
          </dd>
          <dt>{t('outcomeForm.summary')}</dt>
          <dd>{pilot.outcome.summary}</dd>
          {pilot.outcome.lessons ? (
            <>
              <dt>{t('outcomeForm.lessons')}</dt>
              <dd>{pilot.outcome.lessons}</dd>
            </>
          ) : null}
          {pilot.outcome.procurementReference ? (
            <>
              <dt>{t('outcomeForm.procurementReference')}</dt>
              <dd>{pilot.outcome.procurementReference}</dd>
              <dt>{t('outcomeForm.procurementDate')}</dt>
              <dd>
                {pilot.outcome.procurementDate
                  ? formatDay(pilot.outcome.procurementDate.slice(0, 10), i18n.language, {
                      day: 'numeric',
                      month: 'long',
                      year: 'numeric',
                    })
                  : '–'}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {allowed.endRunningPhase || allowed.abort || allowed.recordOutcome ? (
        <div className="actions">
          {allowed.recordOutcome ? (
            <button type="button" className="button" onClick={() => setOpen('outcome')}>
              {t('actions.outcome')}
            </button>
          ) : null}
          {allowed.endRunningPhase ? (
            <button type="button" className="button button--secondary" onClick={() => setOpen('evaluate')}>
              {t('actions.evaluate')}
            </button>
          ) : null}
          {allowed.abort ? (
            <button type="button" className="button button--warning" onClick={() => setOpen('abort')}>
              {t('actions.abort')}
            </button>
          ) : null}
        </div>
      ) : null}
      {open === 'evaluate' ? (
        <EvaluateDialog pilot={pilot} onClose={() => setOpen(null)} onDone={() => done(t('done.evaluating'))} />
      ) : null}
      {open === 'abort' ? (
        <AbortDialog pilot={pilot} onClose={() => setOpen(null)} onDone={() => done(t('done.aborted'))} />
      ) : null}
      {open === 'outcome' ? (
        <OutcomeDialog pilot={pilot} onClose={() => setOpen(null)} onDone={() => done(t('done.outcome'))} />
      ) : null}
    </section>
  );
}

export function PilotDialog({
  title,
  onClose,
  children,
  alert,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  alert?: boolean;
}) {
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog" role={alert ? 'alertdialog' : 'dialog'}>
          <Heading slot="title">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** A dialog's answer: do it (a warning when it cannot be undone), or go back, which has the focus. */
function ConfirmActions({
  pending,
  confirm,
  onClose,
  warning,
}: {
  pending: boolean;
  confirm: string;
  onClose: () => void;
  warning?: boolean;
}) {
  const { t } = useTranslation('pilots');
  return (
    <div className="actions">
      <button type="submit" className={warning ? 'button button--warning' : 'button'} aria-disabled={pending}>
        {pending ? t('sending') : confirm}
      </button>
      <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
        {t('keep')}
      </button>
    </div>
  );
}

function EvaluateDialog({ pilot, onClose, onDone }: { pilot: Pilot; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('pilots');
  const move = useMoveStage(pilot.id);
  const problems = useFormProblems('pilots', {});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!move.isPending) move.mutate({ stage: 'evaluating' }, { onSuccess: onDone, onError: problems.show });
  };
  return (
    <PilotDialog title={t('evaluateDialog.title')} onClose={onClose} alert>
      <p>{t('evaluateDialog.body')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <ConfirmActions pending={move.isPending} confirm={t('evaluateDialog.confirm')} onClose={onClose} />
      </form>
    </PilotDialog>
  );
}

function AbortDialog({ pilot, onClose, onDone }: { pilot: Pilot; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('pilots');
  const move = useMoveStage(pilot.id);
  const problems = useFormProblems('pilots', { reason: t('abortDialog.reason') });
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (move.isPending) return;
    if (!reason.trim())
      return problems.setFieldErrors([
        { field: 'reason', label: t('abortDialog.reason'), message: t('abortDialog.reasonMissing') },
      ]);
    move.mutate({ stage: 'aborted', reason: reason.trim() }, { onSuccess: onDone, onError: problems.show });
  };
  const error = problems.errorFor('reason');
  return (
    <PilotDialog title={t('abortDialog.title')} onClose={onClose} alert>
      <p>{t('abortDialog.body')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <TextArea name="reason" label={t('abortDialog.reason')} value={reason} onChange={setReason} error={error} />
        <ConfirmActions pending={move.isPending} confirm={t('abortDialog.confirm')} onClose={onClose} warning />
      </form>
    </PilotDialog>
  );
}

export function TextArea({
  name,
  label,
  hint,
  value,
  onChange,
  error,
  rows = 3,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  rows?: number;
}) {
  return (
    <FormField id={`field-${name}`} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <textarea
          id={`field-${name}`}
          name={name}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </FormField>
  );
}

function OutcomeDialog({ pilot, onClose, onDone }: { pilot: Pilot; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('pilots');
  const record = useRecordOutcome(pilot.id);
  const labels = {
    result: t('outcomeForm.result'),
    summary: t('outcomeForm.summary'),
    lessons: t('outcomeForm.lessons'),
    procurementReference: t('outcomeForm.procurementReference'),
    procurementDate: t('outcomeForm.procurementDate'),
  };
  const problems = useFormProblems('pilots', labels);
  const [result, setResult] = useState<Result | ''>('');
  const [summary, setSummary] = useState('');
  const [lessons, setLessons] = useState('');
  const [reference, setReference] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const date = String(new FormData(event.currentTarget).get('procurementDate') ?? '');
    const missing = [
      !result ? { field: 'result', label: labels.result, message: t('outcomeForm.resultMissing') } : null,
      !summary.trim() ? { field: 'summary', label: labels.summary, message: t('outcomeForm.summaryMissing') } : null,
      result === 'procured' && !reference.trim()
        ? {
            field: 'procurementReference',
            label: labels.procurementReference,
            message: t('outcomeForm.referenceMissing'),
          }
        : null,
      result === 'procured' && !date
        ? { field: 'procurementDate', label: labels.procurementDate, message: t('outcomeForm.dateMissing') }
        : null,
    ].filter((error) => error !== null);
    if (missing.length) return problems.setFieldErrors(missing);
    record.mutate(
      {
        result: result as Result,
        summary: summary.trim(),
        ...(lessons.trim() ? { lessons: lessons.trim() } : {}),
        ...(result === 'procured' ? { procurementReference: reference.trim(), procurementDate: date } : {}),
      },
      { onSuccess: onDone, onError: problems.show },
    );
  };
  const resultError = problems.errorFor('result');
  return (
    <PilotDialog title={t('outcomeForm.title')} onClose={onClose}>
      <p>{t('outcomeForm.body')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <RadioGroup
          id="field-result"
          className={resultError ? 'field field--error radio-group' : 'field radio-group'}
          value={result}
          onChange={(value) => setResult(value as Result)}
          isInvalid={Boolean(resultError)}
        >
          <Label>{labels.result}</Label>
          {resultError ? <p className="field-error">{resultError}</p> : null}
          {RESULTS.map((option) => (
            <Radio key={option} value={option} className="radio">
              {t(`results.${option}`)} <span className="meta">– {t(`resultExplained.${option}`)}</span>
            </Radio>
          ))}
        </RadioGroup>
        <TextArea
          name="summary"
          label={labels.summary}
          value={summary}
          onChange={setSummary}
          error={problems.errorFor('summary')}
          rows={4}
        />
        <TextArea
          name="lessons"
          label={labels.lessons}
          hint={t('outcomeForm.lessonsHint')}
          value={lessons}
          onChange={setLessons}
          error={problems.errorFor('lessons')}
        />
        {result === 'procured' ? (
          <fieldset className="fieldset">
            <legend>{t('outcomeForm.procurement')}</legend>
            <FormField
              id="field-procurementReference"
              label={labels.procurementReference}
              hint={t('outcomeForm.procurementReferenceHint')}
              error={problems.errorFor('procurementReference')}
            >
              {(describedBy, invalid) => (
                <input
                  id="field-procurementReference"
                  name="procurementReference"
                  value={reference}
                  onChange={(event) => setReference(event.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </FormField>
            <div id="field-procurementDate">
              {problems.errorFor('procurementDate') ? (
                <p className="field-error">{problems.errorFor('procurementDate')}</p>
              ) : null}
              <DatePicker
                name="procurementDate"
                label={labels.procurementDate}
                hint={t('outcomeForm.procurementDateHint')}
              />
            </div>
          </fieldset>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" aria-disabled={record.isPending}>
            {record.isPending ? t('sending') : t('outcomeForm.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('keep')}
          </button>
        </div>
      </form>
    </PilotDialog>
  );
}
