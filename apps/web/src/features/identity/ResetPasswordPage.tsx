import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { call, isProblem } from '../../api/problem';
import { ErrorSummary, Field, SubmitButton, type ShownError } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { Notice } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';

/** Where the e-mailed link leads (`/reset-password?token=`): choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation('identity');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const labels = { password: t('fields.newPassword') };
  const problems = useFormProblems('identity', labels);
  const { sending, run } = useSubmitOnce();
  const [spent, setSpent] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    const missing: ShownError[] = [];
    if (password.length < 12)
      missing.push({ field: 'password', label: labels.password, message: t('errors.password.minLength') });
    if (missing.length) return problems.setFieldErrors(missing);
    await run(async () => {
      try {
        await call(api.POST('/api/v1/auth/password/reset', { body: { token, password } }));
        void navigate('/sign-in?passwordReset=1', { replace: true });
      } catch (error) {
        if (isTokenProblem(error)) setSpent(true);
        else problems.show(error);
      }
    });
  };

  if (!token || spent) {
    return (
      <Page title={t('reset.title')}>
        <Notice>{t('reset.linkInvalid')}</Notice>
        <p>
          <Link to="/forgot-password">{t('reset.askAgain')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('reset.title')} lead={t('reset.lead')}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <Field
          name="password"
          type="password"
          label={labels.password}
          hint={t('signUp.passwordHint')}
          autoComplete="new-password"
          error={problems.errorFor('password')}
        />
        <div className="actions">
          <SubmitButton sending={sending} label={t('reset.submit')} sendingLabel={t('reset.sending')} />
        </div>
      </form>
    </Page>
  );
}

/** The API says the link was used, has expired or is unknown. */
function isTokenProblem(error: unknown): boolean {
  return isProblem(error) && error.errors.some((problem) => problem.field === 'token');
}
