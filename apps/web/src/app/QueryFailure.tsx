import { isProblem } from '../api/problem';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/Status';
import { NotFoundPage } from './NotFoundPage';

/** A page whose object could not be read: not found (or a malformed id) is the not-found page, anything else is explained. */
export function QueryFailure({ error, title, retry }: { error: unknown; title: string; retry: () => void }) {
  if (isProblem(error) && (error.status === 404 || error.status === 400)) return <NotFoundPage />;
  return (
    <Page title={title}>
      <ErrorMessage error={error} retry={retry} />
    </Page>
  );
}
