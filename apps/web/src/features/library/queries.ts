import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { ConsentPart, Publication, Result, ResultPage, ResultSearch, Spread } from './types';

const path = (id: string) => ({ path: { id } });

/** Published results, searched in Swedish and filtered; the filters live in the address. */
export function useResults(search: ResultSearch, limit = 20) {
  return useQuery({
    queryKey: ['results', search, limit],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call<ResultPage>(api.GET('/api/v1/results', { params: { query: { ...search, limit } as never }, signal })),
  });
}

export function useResult(id: string) {
  return useQuery({
    queryKey: ['results', 'one', id],
    queryFn: ({ signal }) => call<Result>(api.GET('/api/v1/results/{id}', { params: path(id), signal })),
  });
}

/** The domain vocabulary with Swedish and English labels (the catalogue's, read over HTTP). */
export function useDomainLabels() {
  return useQuery({
    queryKey: ['library', 'domains'],
    staleTime: Infinity,
    queryFn: ({ signal }) => call(api.GET('/api/v1/domains', { signal })),
  });
}

export function useAdopt(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { organizationId: string; adoptedAt: string; note?: string }) =>
      call(api.POST('/api/v1/results/{id}/adoptions', { params: path(id), body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['results'] }),
  });
}

export function useSpread(enabled: boolean) {
  return useQuery({
    queryKey: ['results', 'spread'],
    enabled,
    queryFn: ({ signal }) => call<Spread>(api.GET('/api/v1/results/spread', { signal })),
  });
}

export function usePublication(pilotId: string) {
  return useQuery({
    queryKey: ['publication', pilotId],
    queryFn: ({ signal }) =>
      call<Publication>(api.GET('/api/v1/pilots/{id}/publication', { params: path(pilotId), signal })),
  });
}

export function useConsent(pilotId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { consent: boolean; parts?: ConsentPart[] }) =>
      call<Publication>(api.POST('/api/v1/pilots/{id}/publication', { params: path(pilotId), body })),
    onSuccess: (publication) => {
      client.setQueryData(['publication', pilotId], publication);
      void client.invalidateQueries({ queryKey: ['results'] });
    },
  });
}
