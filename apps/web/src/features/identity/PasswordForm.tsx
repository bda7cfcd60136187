import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { ErrorSummary, Field, SubmitButton, type ShownError } from '../../ui/Form';
import { Notice } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';

/** A new password, with the current one; the person's other sessions end, this one goes on. */
export function PasswordForm() {
  const { t } = useTranslation('identity');
  const labels = { currentPassword: t('fields.currentPassword'), newPassword: t('fields.changedPassword') };
  const problems = useFormProblems('identity', labels);
  const { sending, run } = useSubmitOnce();
  const [changed, setChanged] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    setChanged(false);
    const missing: ShownError[] = [];
    if (!currentPassword)
      missing.push({
        field: 'currentPassword',
        label: labels.currentPassword,
        message: t('errors.currentPassword.isNotEmpty'),
      });
    if (newPassword.length < 12)
      missing.push({ field: 'newPassword', label: labels.newPassword, message: t('errors.password.minLength') });
    if (missing.length) return problems.setFieldErrors(missing);
    await run(async () => {
      try {
        await call(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } }));
        problems.clear();
        formElement.reset();
        setChanged(true);
      } catch (error) {
        problems.show(error);
      }
    });
  };

  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('password.title')}</h2>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <Field
          name="currentPassword"
          type="password"
          label={labels.currentPassword}
          autoComplete="current-password"
          error={problems.errorFor('currentPassword')}
        />
        <Field
          name="newPassword"
          type="password"
          label={labels.newPassword}
          hint={t('signUp.passwordHint')}
          autoComplete="new-password"
          error={problems.errorFor('newPassword')}
        />
        <div className="actions">
          <SubmitButton sending={sending} label={t('password.submit')} sendingLabel={t('password.sending')} />
        </div>
        <div aria-live="polite">{changed ? <Notice tone="success">{t('password.changed')}</Notice> : null}</div>
      </form>
    </section>
  );
}
