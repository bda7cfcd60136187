import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { Loading } from '../../ui/Status';
import { useSluice } from './queries';
import type { Sluice } from './types';

/** The sluice of the address (`:id`), once read; the not-found page when there is none. */
export function WithSluice({ children }: { children: (sluice: Sluice) => ReactNode }) {
  const { id = '' } = useParams();
  const { t } = useTranslation('ideas');
  const sluice = useSluice(id);
  if (sluice.isError)
    return <QueryFailure error={sluice.error} title={t('sluice.errorTitle')} retry={() => void sluice.refetch()} />;
  if (!sluice.data) return <Loading />;
  return <>{children(sluice.data)}</>;
}
