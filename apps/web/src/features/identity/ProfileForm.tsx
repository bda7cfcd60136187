import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, type Me } from '../../app/session';
import { chooseLanguage, type Language } from '../../i18n';
import { ErrorSummary, Field, SubmitButton, type ShownError } from '../../ui/Form';
import { Notice } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';

/**
 * Name and language, kept by the API: e-mails and the app follow the language
 * wherever the person signs in. The language offered is the one on the screen.
 */
export function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation('identity');
  const { updateMe } = useSession();
  const labels = { name: t('fields.name'), language: t('account.languageQuestion') };
  const problems = useFormProblems('identity', labels);
  const { sending, run } = useSubmitOnce();
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const language = (form.get('language') === 'en' ? 'en' : 'sv') as Language;
    setSaved(false);
    const missing: ShownError[] = [];
    if (!name) missing.push({ field: 'name', label: labels.name, message: t('errors.name.isNotEmpty') });
    if (missing.length) return problems.setFieldErrors(missing);
    await run(async () => {
      try {
        const updated = await updateMe({ name, language });
        problems.clear();
        chooseLanguage(updated.language);
        setSaved(true);
      } catch (error) {
        problems.show(error);
      }
    });
  };

  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('account.profile')}</h2>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <Field
          name="name"
          label={labels.name}
          defaultValue={me.name}
          autoComplete="name"
          maxLength={200}
          error={problems.errorFor('name')}
        />
        <fieldset className={problems.errorFor('language') ? 'field field--error' : 'field'} id="field-language">
          <legend>{labels.language}</legend>
          <p className="hint">{t('account.languageHint')}</p>
          {problems.errorFor('language') ? <p className="field-error">{problems.errorFor('language')}</p> : null}
          <div className="radio-group">
            {(['sv', 'en'] as const).map((option) => (
              <label key={option} lang={option}>
                <input
                  type="radio"
                  name="language"
                  value={option}
                  defaultChecked={(i18n.language === 'en' ? 'en' : 'sv') === option}
                />
                {option === 'sv' ? 'Svenska' : 'English'}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="actions">
          <SubmitButton sending={sending} label={t('account.save')} sendingLabel={t('account.saving')} />
        </div>
        <div aria-live="polite">{saved ? <Notice tone="success">{t('account.saved')}</Notice> : null}</div>
      </form>
    </section>
  );
}
