import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary, SubmitButton } from '../../ui/Form';
import { formatShortDate } from '../../ui/format';
import { DoneNotice, QueryState } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';
import { useConsent, usePublication } from './queries';
import { CONSENT_PARTS, type ConsentPart, type Publication } from './types';
import './library.css';

/**
 * On a completed pilot's page: each side's consent to publish it in the results
 * library, the parts the caller's side consents to show, and the way to give,
 * change or withdraw that consent. Nothing for a pilot not completed.
 */
export function PublicationSection({ pilot }: { pilot: { id: string; stage: string } }) {
  if (pilot.stage !== 'completed') return null;
  return <Publication pilotId={pilot.id} />;
}

function Publication({ pilotId }: { pilotId: string }) {
  const { t } = useTranslation('library');
  const publication = usePublication(pilotId);
  return (
    <section aria-labelledby="publication">
      <h2 id="publication">{t('consent.title')}</h2>
      <p>{t('consent.lead')}</p>
      {publication.data ? <ConsentState publication={publication.data} /> : <QueryState query={publication} />}
    </section>
  );
}

function ConsentState({ publication }: { publication: Publication }) {
  const { t, i18n } = useTranslation('library');
  const side = (which: 'company' | 'testbed') => {
    const consent = publication.consents[which];
    return consent
      ? `${t(`consent.${which}`)} ${t('consent.consented')} (${formatShortDate(consent.consentedAt, i18n.language)})`
      : `${t(`consent.${which}`)} ${t('consent.notConsented')}`;
  };
  return (
    <>
      <ul className="approvals" aria-label={t('consent.state')}>
        <li>{side('company')}</li>
        <li>{side('testbed')}</li>
      </ul>
      {publication.published && publication.resultId ? (
        <p>
          {t('consent.published')} <Link to={`/results/${publication.resultId}`}>{t('consent.openResult')}</Link>
        </p>
      ) : (
        <p>{t('consent.waiting')}</p>
      )}
      {publication.side ? (
        <ConsentForm publication={publication} side={publication.side} />
      ) : (
        <p>{t('consent.readOnly')}</p>
      )}
    </>
  );
}

function ConsentForm({ publication, side }: { publication: Publication; side: 'company' | 'testbed' }) {
  const { t } = useTranslation('library');
  const consent = useConsent(publication.pilotId);
  const own = publication.consents[side];
  const [parts, setParts] = useState<ConsentPart[]>(own ? own.parts : CONSENT_PARTS);
  const [done, setDone] = useState<string | null>(null);
  const problems = useFormProblems('library', { parts: t('consent.partsLegend') });
  const { sending, run } = useSubmitOnce();
  const send = (body: { consent: boolean; parts?: ConsentPart[] }) =>
    run(() =>
      consent.mutateAsync(body).then(
        (after) => {
          problems.clear();
          setDone(
            t(
              !body.consent
                ? 'consent.done.withdrawn'
                : after.published
                  ? 'consent.done.published'
                  : 'consent.done.consented',
            ),
          );
        },
        (error: unknown) => problems.show(error, body),
      ),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({ consent: true, parts: CONSENT_PARTS.filter((part) => parts.includes(part)) });
  };
  const toggle = (part: ConsentPart, on: boolean) =>
    setParts((current) => (on ? [...current, part] : current.filter((p) => p !== part)));
  return (
    <>
      {done ? <DoneNotice>{done}</DoneNotice> : null}
      <form onSubmit={submit} noValidate aria-labelledby="publication">
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <fieldset className="consent-parts" id="field-parts" aria-describedby="consent-parts-hint">
          <legend>{t('consent.partsLegend')}</legend>
          <p className="hint" id="consent-parts-hint">
            {t('consent.partsHint')}
          </p>
          {CONSENT_PARTS.map((part) => (
            <label key={part}>
              <input
                type="checkbox"
                name="parts"
                value={part}
                checked={parts.includes(part)}
                onChange={(event) => toggle(part, event.currentTarget.checked)}
              />
              <span>{t(`consent.parts.${part}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <SubmitButton
            sending={sending}
            label={t(own ? 'consent.change' : 'consent.give')}
            sendingLabel={t('consent.sending')}
          />
          {own ? (
            <button
              type="button"
              className="button button--warning"
              aria-describedby="withdraw-hint"
              onClick={() => void send({ consent: false })}
            >
              {t('consent.withdraw')}
            </button>
          ) : null}
        </div>
        {own ? (
          <p className="hint" id="withdraw-hint">
            {t('consent.withdrawHint')}
          </p>
        ) : null}
      </form>
    </>
  );
}
