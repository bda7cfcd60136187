import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { ErrorSummary, Field, SubmitButton, type ShownError } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { Notice } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';
import { safeNext } from './next';

export function SignInPage() {
  const { t } = useTranslation('identity');
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/');
  const labels = { email: t('fields.email'), password: t('fields.password') };
  const problems = useFormProblems('identity', labels);
  const { sending, run } = useSubmitOnce();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const missing: ShownError[] = [];
    if (!email) missing.push({ field: 'email', label: labels.email, message: t('errors.email.isNotEmpty') });
    if (!password)
      missing.push({ field: 'password', label: labels.password, message: t('errors.password.isNotEmpty') });
    if (missing.length) return problems.setFieldErrors(missing);
    await run(async () => {
      try {
        const response = await session.signIn(email, password);
        if (response.ok) {
          void navigate(next, { replace: true });
          return;
        }
        const body = await response.json().catch(() => ({}));
        if (response.status === 401) problems.show(new ApiProblem(401, { ...body, type: '/problems/bad-credentials' }));
        else problems.show(new ApiProblem(response.status, body));
      } catch {
        problems.show(new ApiProblem(0));
      }
    });
  };

  return (
    <Page title={t('signIn.title')}>
      {params.get('expired') ? <Notice>{t('signIn.expired')}</Notice> : null}
      {params.get('passwordReset') ? <Notice tone="success">{t('signIn.passwordReset')}</Notice> : null}
      {params.get('signedOut') === 'everywhere' ? (
        <Notice tone="success">{t('signIn.signedOutEverywhere')}</Notice>
      ) : null}
      {params.get('next') && !params.get('expired') ? <Notice>{t('signIn.needed')}</Notice> : null}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <Field name="email" type="email" label={labels.email} autoComplete="email" error={problems.errorFor('email')} />
        <Field
          name="password"
          type="password"
          label={labels.password}
          autoComplete="current-password"
          error={problems.errorFor('password')}
        />
        <div className="actions">
          <SubmitButton sending={sending} label={t('signIn.submit')} sendingLabel={t('signIn.sending')} />
        </div>
      </form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <h2>{t('signIn.noAccount')}</h2>
      <p>
        <Link to={`/sign-up${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>
          {t('signIn.signUp')}
        </Link>
      </p>
    </Page>
  );
}
