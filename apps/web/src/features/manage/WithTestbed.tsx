import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';
import { ErrorMessage, Loading } from '../../ui/Status';
import { useManagedTestbed } from './queries';
import type { Testbed } from './types';

/** Loads one of the organization's test beds; while it loads, and when it cannot be read, says so. */
export function WithTestbed({ id, children }: { id: string; children: (testbed: Testbed) => ReactNode }) {
  const { t } = useTranslation('manage');
  const testbed = useManagedTestbed(id);
  if (testbed.isPending) return <Loading />;
  if (testbed.isError)
    return (
      <Page title={t('testbed.missing')}>
        <ErrorMessage error={testbed.error} retry={() => void testbed.refetch()} />
      </Page>
    );
  return <>{children(testbed.data)}</>;
}
