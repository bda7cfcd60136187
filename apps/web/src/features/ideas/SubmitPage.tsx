import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession } from '../../app/session';
import { useDomains } from '../catalogue/queries';
import type { Domain } from '../catalogue/types';
import { ErrorSummary, Field, type ShownError } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';
import { kindsFor } from './access';
import { ChoicesField } from './ChoicesField';
import { useSubmitIdea } from './queries';
import { SimilarIdeas } from './SimilarIdeas';
import type { Kind, Sluice } from './types';
import { WithSluice } from './WithSluice';
import './ideas.css';

export function SubmitPage() {
  return (
    <RequireSignIn>
      <WithSluice>{(sluice) => <SubmitForm sluice={sluice} />}</WithSluice>
    </RequireSignIn>
  );
}

/** What the person types, a moment after they stop typing. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A need or an idea, one question per field; similar ones are shown while the person types, to join instead. */
function SubmitForm({ sluice }: { sluice: Sluice }) {
  const { t, i18n } = useTranslation('ideas');
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const kinds = kindsFor(session.me, sluice);
  const asked = params.get('kind');
  // What the address asks for, else what the person most likely brings: a company an idea, staff a need.
  const [kind, setKind] = useState<Kind | ''>(
    kinds.includes(asked as Kind)
      ? (asked as Kind)
      : kinds.length === 1
        ? kinds[0]!
        : kinds.length && session.company
          ? 'idea'
          : kinds.length
            ? 'need'
            : '',
  );
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [chosenDomains, setChosenDomains] = useState<Domain['key'][]>([]);
  const domains = useDomains();
  const submit = useSubmitIdea(sluice.id);
  const { sending, run } = useSubmitOnce();
  const labels: Record<string, string> = {
    kind: t('form.kind'),
    title: t('form.title'),
    description: t('form.description'),
    domains: t('form.domains'),
    affects: t(`form.affects.${kind || 'need'}`),
    public: t('form.public'),
  };
  const problems = useFormProblems('ideas', labels);
  const typed = useSettled(`${title} ${description.slice(0, 300)}`.trim());
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const offered = (domains.data?.items ?? []).filter(
    (domain) => sluice.domains.length === 0 || sluice.domains.includes(domain.key),
  );

  if (kinds.length === 0)
    return (
      <Page title={t('form.notForYouTitle')}>
        <p>{t('form.notForYou', { name: sluice.name })}</p>
        <p>
          <Link to={`/sluices/${sluice.id}`}>{t('form.backToSluice', { name: sluice.name })}</Link>
        </p>
      </Page>
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const affects = String(form.get('affects') ?? '').trim();
    const body = {
      kind: kind as Kind,
      title: title.trim(),
      description: description.trim(),
      ...(chosenDomains.length ? { domains: chosenDomains } : {}),
      ...(affects ? { affects } : {}),
      // Only a need is published for companies to answer.
      ...(kind === 'need' ? { public: form.get('public') === 'yes' } : {}),
    };
    const missing: ShownError[] = [];
    if (!kind) missing.push({ field: 'kind', label: labels.kind!, message: t('form.kindMissing') });
    if (!body.title) missing.push({ field: 'title', label: labels.title!, message: t('form.titleMissing') });
    if (!body.description)
      missing.push({ field: 'description', label: labels.description!, message: t('form.descriptionMissing') });
    if (missing.length) return problems.setFieldErrors(missing);
    problems.clear();
    void run(() =>
      submit
        .mutateAsync(body)
        .then((idea) => navigate(`/ideas/${idea.id}?submitted=1`))
        .catch((error: unknown) => problems.show(error, body)),
    );
  };

  const kindError = problems.errorFor('kind');
  const shownKind = kind || 'need';
  return (
    <Page
      title={t(kind ? `form.pageTitle.${kind}` : 'form.pageTitle.any')}
      lead={t('form.lead', { name: sluice.name })}
    >
      <form className="form idea-form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        {kinds.length > 1 ? (
          <RadioGroup
            id="field-kind"
            className={kindError ? 'field field--error radio-group' : 'field radio-group'}
            value={kind}
            onChange={(value) => setKind(value as Kind)}
            isInvalid={Boolean(kindError)}
          >
            <Label className="label">{labels.kind}</Label>
            {kindError ? <p className="field-error">{kindError}</p> : null}
            {kinds.map((option) => (
              <Radio key={option} value={option} className="radio">
                {t(`kind.${option}`)} <span className="meta">– {t(`kindExplained.${option}`)}</span>
              </Radio>
            ))}
          </RadioGroup>
        ) : (
          <p>{t(`form.onlyKind.${shownKind}`)}</p>
        )}
        <Field
          name="title"
          label={labels.title!}
          hint={t(`form.titleHint.${shownKind}`)}
          error={problems.errorFor('title')}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={200}
          autoComplete="off"
        />
        <TextAreaField
          name="description"
          label={labels.description!}
          hint={t(`form.descriptionHint.${shownKind}`)}
          error={problems.errorFor('description')}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          rows={6}
          maxLength={5000}
        />
        <SimilarIdeas text={typed} sluiceId={sluice.id} />
        <ChoicesField
          name="domains"
          legend={labels.domains!}
          hint={t('form.domainsHint')}
          error={problems.errorFor('domains')}
          choices={offered.map((domain) => ({ value: domain.key, label: domain.labels[language] }))}
          chosen={chosenDomains}
          onChange={setChosenDomains}
          status={domains.isPending ? <Loading /> : null}
        />
        <TextAreaField
          name="affects"
          label={labels.affects!}
          hint={t(`form.affectsHint.${shownKind}`)}
          error={problems.errorFor('affects')}
          rows={2}
          maxLength={1000}
        />
        {shownKind === 'need' ? (
          <div className={problems.errorFor('public') ? 'field field--error field--checkbox' : 'field field--checkbox'}>
            {problems.errorFor('public') ? (
              <p className="field-error" id="field-public-error">
                {problems.errorFor('public')}
              </p>
            ) : null}
            <label>
              <input
                type="checkbox"
                id="field-public"
                name="public"
                value="yes"
                aria-describedby={`field-public-hint${problems.errorFor('public') ? ' field-public-error' : ''}`}
              />
              {labels.public}
            </label>
            <p className="hint" id="field-public-hint">
              {t('form.publicHint')}
            </p>
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" aria-disabled={sending}>
            {sending ? t('form.sending') : t(`form.submit.${shownKind}`)}
          </button>
          <Link className="button button--secondary" to={`/sluices/${sluice.id}`}>
            {t('form.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
