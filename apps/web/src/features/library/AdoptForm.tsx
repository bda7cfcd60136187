import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { DatePicker } from '../../ui/DatePicker';
import { ErrorSummary, SubmitButton } from '../../ui/Form';
import { labelInSentence } from '../../ui/problems';
import { DoneNotice } from '../../ui/Status';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';
import { adoptingOrganizations } from './access';
import { useAdopt } from './queries';
import type { Result } from './types';

/** "We adopted this too", for admins and managers of a region or municipality that has not recorded it yet. */
export function AdoptForm({ result }: { result: Result }) {
  const { t } = useTranslation('library');
  const { me } = useSession();
  const adopt = useAdopt(result.id);
  const { sending, run } = useSubmitOnce();
  const [done, setDone] = useState<string | null>(null);
  const labels = {
    organizationId: t('adopt.organization'),
    adoptedAt: t('adopt.adoptedAt'),
    note: t('adopt.note'),
  };
  const problems = useFormProblems('library', labels);
  const adopted = new Set(result.adoptions.map((adoption) => adoption.organizationId));
  const candidates = adoptingOrganizations(me).filter(
    (m) => !adopted.has(m.organizationId) && m.organizationName !== result.testbed.organizationName,
  );
  if (!candidates.length) return done ? <DoneNotice>{done}</DoneNotice> : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      organizationId: String(form.get('organizationId') ?? ''),
      adoptedAt: String(form.get('adoptedAt') ?? ''),
      note: String(form.get('note') ?? '').trim() || undefined,
    };
    if (!body.adoptedAt)
      return problems.setFieldErrors([
        {
          field: 'adoptedAt',
          label: labels.adoptedAt,
          message: t('problems:fields.required', { field: labelInSentence(labels.adoptedAt) }),
        },
      ]);
    const organization = candidates.find((m) => m.organizationId === body.organizationId)?.organizationName ?? '';
    void run(() =>
      adopt.mutateAsync(body).then(
        () => {
          problems.clear();
          setDone(t('adopt.done', { organization }));
        },
        (error: unknown) => problems.show(error, body),
      ),
    );
  };

  return (
    <section aria-labelledby="adopt">
      <h2 id="adopt">{t('adopt.title')}</h2>
      <p>{t('adopt.lead')}</p>
      {done ? <DoneNotice>{done}</DoneNotice> : null}
      <form onSubmit={submit} noValidate aria-labelledby="adopt">
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <div className={problems.errorFor('organizationId') ? 'field field--error' : 'field'}>
          <label htmlFor="field-organizationId">{labels.organizationId}</label>
          <select id="field-organizationId" name="organizationId" defaultValue={candidates[0]!.organizationId}>
            {candidates.map((m) => (
              <option key={m.organizationId} value={m.organizationId}>
                {m.organizationName}
              </option>
            ))}
          </select>
        </div>
        <div id="field-adoptedAt">
          {problems.errorFor('adoptedAt') ? <p className="field-error">{problems.errorFor('adoptedAt')}</p> : null}
          <DatePicker name="adoptedAt" label={labels.adoptedAt} hint={t('adopt.adoptedAtHint')} />
        </div>
        <TextAreaField
          name="note"
          label={labels.note}
          hint={t('adopt.noteHint')}
          error={problems.errorFor('note')}
          rows={3}
          maxLength={2000}
        />
        <SubmitButton sending={sending} label={t('adopt.submit')} sendingLabel={t('adopt.sending')} />
      </form>
    </section>
  );
}
