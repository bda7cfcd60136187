import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { ErrorSummary, Field, SubmitButton, type ShownError } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { Notice } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';

/** Asks for a link to choose a new password; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('identity');
  const labels = { email: t('fields.email') };
  const problems = useFormProblems('identity', labels);
  const { sending, run } = useSubmitOnce();
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    const missing: ShownError[] = [];
    if (!email) missing.push({ field: 'email', label: labels.email, message: t('errors.email.isNotEmpty') });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      missing.push({ field: 'email', label: labels.email, message: t('errors.email.isEmail') });
    if (missing.length) return problems.setFieldErrors(missing);
    await run(async () => {
      try {
        await call(api.POST('/api/v1/auth/password/forgot', { body: { email } }));
        problems.clear();
        setSentTo(email);
      } catch (error) {
        problems.show(error);
      }
    });
  };

  return (
    <Page title={t('forgot.title')} lead={sentTo ? undefined : t('forgot.lead')}>
      {sentTo ? (
        <>
          <Notice tone="success">{t('forgot.sent', { email: sentTo })}</Notice>
          <p>{t('forgot.notArrived')}</p>
          <p>
            <Link to="/sign-in">{t('forgot.backToSignIn')}</Link>
          </p>
        </>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          <ErrorSummary errors={problems.errors} general={problems.general} />
          <Field
            name="email"
            type="email"
            label={labels.email}
            autoComplete="email"
            error={problems.errorFor('email')}
          />
          <div className="actions">
            <SubmitButton sending={sending} label={t('forgot.submit')} sendingLabel={t('forgot.sending')} />
            <Link to="/sign-in">{t('forgot.backToSignIn')}</Link>
          </div>
        </form>
      )}
    </Page>
  );
}
