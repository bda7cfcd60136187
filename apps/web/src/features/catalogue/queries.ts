import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { useSession } from '../../app/session';
import type { Domain, EnvironmentType, Testbed } from './types';

type DomainKey = Domain['key'];

export interface SearchParams {
  q?: string;
  domain?: string;
  environmentType?: EnvironmentType;
  trl?: string;
  municipality?: string;
  organizationId?: string;
  availableFrom?: string;
  availableTo?: string;
  cursor?: string;
}

export const SEARCH_KEYS = [
  'q',
  'domain',
  'environmentType',
  'trl',
  'municipality',
  'organizationId',
  'availableFrom',
  'availableTo',
  'cursor',
] as const;

/** The person picks the last day they can; the API's window ends before availableTo, so send the day after. */
function dayAfter(day: string | undefined): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export function useTestbedSearch(params: SearchParams) {
  const signedIn = useSession().status === 'signedIn';
  return useQuery({
    // The caller's own drafts are part of the answer, so the key carries whether someone asks;
    // the search does not wait for the session check (most visitors are anonymous).
    queryKey: ['testbeds', params, signedIn],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const { trl, domain, ...rest } = params;
      return call(
        api.GET('/api/v1/testbeds', {
          // The address may hold anything; the API answers an unknown domain with its problem.
          params: {
            query: {
              ...rest,
              domain: domain as DomainKey | undefined,
              trl: trl ? Number(trl) : undefined,
              availableTo: dayAfter(params.availableTo),
              limit: 50,
            },
          },
          signal,
        }),
      );
    },
  });
}

export function useTestbed(id: string) {
  const signedIn = useSession().status === 'signedIn';
  return useQuery({
    queryKey: ['testbed', id, signedIn],
    // While the session check changes the key, keep showing the same test bed (never another one).
    placeholderData: (previous: Testbed | undefined, previousQuery) =>
      previousQuery?.queryKey[1] === id ? previous : undefined,
    queryFn: ({ signal }) => call(api.GET('/api/v1/testbeds/{id}', { params: { path: { id } }, signal })),
  });
}

export function useDomains() {
  return useQuery({
    queryKey: ['domains'],
    staleTime: Infinity,
    queryFn: ({ signal }) => call(api.GET('/api/v1/domains', { signal })),
  });
}

/** The organizations that own a published test bed: the search's owner filter. */
export function useOwners() {
  return useQuery({
    queryKey: ['testbed-owners'],
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => call(api.GET('/api/v1/testbed-owners', { signal })),
  });
}

/** Open slots over the booking horizon; for a signed-in company each says whether it may be booked. */
export function useSlots(testbedId: string, from: string, to: string) {
  const { company } = useSession();
  return useQuery({
    // Anonymous first; once the person is known to act for a company, with its bookability.
    queryKey: ['slots', testbedId, from, to, company?.organizationId ?? null],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/v1/testbeds/{id}/slots', { params: { path: { id: testbedId }, query: { from, to } }, signal }),
      ),
  });
}
