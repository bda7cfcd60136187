import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { ErrorMessage } from '../../ui/Status';
import { useSubmitOnce } from '../../ui/useSubmitOnce';

/** Ends every session of the person: other browsers, phones and this one; then sign in again. */
export function SignOutEverywhere() {
  const { t } = useTranslation('identity');
  const { signOutEverywhere, signOut: forget } = useSession();
  const navigate = useNavigate();
  const { sending, run } = useSubmitOnce();
  const [error, setError] = useState<unknown>(null);

  const signOut = () =>
    run(async () => {
      try {
        await signOutEverywhere();
        // Leave this page first: a signed-in page would otherwise send the person to sign-in on its own.
        await navigate('/sign-in?signedOut=everywhere', { replace: true });
        await forget();
      } catch (failure) {
        setError(failure);
      }
    });

  return (
    <section aria-labelledby="everywhere-heading">
      <h2 id="everywhere-heading">{t('everywhere.title')}</h2>
      <p>{t('everywhere.body')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="button" className="button button--warning" aria-disabled={sending} onClick={() => void signOut()}>
        {sending ? t('everywhere.sending') : t('everywhere.submit')}
      </button>
    </section>
  );
}
