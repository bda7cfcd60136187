import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ApiProblem, call, isProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { ErrorSummary, Field, SubmitButton, type ShownError } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';
import { safeNext } from './next';

/** A company signs itself up: its first admin, then signed in straight away. */
export function SignUpPage() {
  const { t, i18n } = useTranslation('identity');
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const labels = {
    name: t('fields.name'),
    email: t('fields.email'),
    password: t('fields.newPassword'),
    'company.name': t('fields.companyName'),
    'company.orgNumber': t('fields.orgNumber'),
  };
  const problems = useFormProblems('identity', labels);
  const { sending, run } = useSubmitOnce();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? '').trim();
    const body = {
      name: value('name'),
      email: value('email'),
      password: String(form.get('password') ?? ''),
      company: {
        name: value('company.name'),
        ...(value('company.orgNumber') ? { orgNumber: value('company.orgNumber') } : {}),
      },
      language: (i18n.language === 'en' ? 'en' : 'sv') as 'sv' | 'en',
    };
    const missing: ShownError[] = [];
    if (!body.name) missing.push({ field: 'name', label: labels.name, message: t('errors.name.isNotEmpty') });
    if (!body.email) missing.push({ field: 'email', label: labels.email, message: t('errors.email.isNotEmpty') });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email))
      missing.push({ field: 'email', label: labels.email, message: t('errors.email.isEmail') });
    if (body.password.length < 12)
      missing.push({ field: 'password', label: labels.password, message: t('errors.password.minLength') });
    if (!body.company.name)
      missing.push({
        field: 'company.name',
        label: labels['company.name'],
        message: t('errors.company.name.isNotEmpty'),
      });
    if (missing.length) return problems.setFieldErrors(missing);
    await run(async () => {
      try {
        await call(api.POST('/api/v1/auth/signup', { body }));
        const response = await session.signIn(body.email, body.password);
        if (!response.ok) throw new ApiProblem(response.status, await response.json().catch(() => ({})));
        void navigate(safeNext(params.get('next'), '/search'), { replace: true, state: { welcome: true } });
      } catch (error) {
        if (isProblem(error) && error.code === 'conflict') {
          problems.setFieldErrors([{ field: 'email', label: labels.email, message: t('errors.email.taken') }]);
        } else {
          problems.show(error);
        }
      }
    });
  };

  return (
    <Page title={t('signUp.title')} lead={t('signUp.lead')}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <h2>{t('signUp.you')}</h2>
        <Field name="name" label={labels.name} autoComplete="name" error={problems.errorFor('name')} />
        <Field
          name="email"
          type="email"
          label={labels.email}
          hint={t('signUp.emailHint')}
          autoComplete="email"
          error={problems.errorFor('email')}
        />
        <Field
          name="password"
          type="password"
          label={labels.password}
          hint={t('signUp.passwordHint')}
          autoComplete="new-password"
          error={problems.errorFor('password')}
        />
        <h2>{t('signUp.company')}</h2>
        <Field
          name="company.name"
          label={labels['company.name']}
          autoComplete="organization"
          error={problems.errorFor('company.name')}
        />
        <Field
          name="company.orgNumber"
          label={labels['company.orgNumber']}
          hint={t('signUp.orgNumberHint')}
          error={problems.errorFor('company.orgNumber')}
        />
        <div className="actions">
          <SubmitButton sending={sending} label={t('signUp.submit')} sendingLabel={t('signUp.sending')} />
        </div>
      </form>
      <p>
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('signUp.signIn')}</Link>
      </p>
    </Page>
  );
}
