import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { call } from '../../api/problem';

/** The API's answer, typed here where its document describes it loosely (a map, or nothing). */
const answer = <T>(request: Promise<{ data?: unknown; error?: unknown; response: Response }>) =>
  call<unknown>(request) as Promise<T>;

export type Kind = 'region' | 'municipality' | 'company' | 'agency';

export interface Organization {
  id: string;
  name: string;
  kind: Kind;
  orgNumber: string | null;
  parentId: string | null;
  createdAt: string;
}

export interface FoundUser {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  createdAt: string;
  memberships: Array<{
    organizationId: string;
    organizationName: string;
    kind: Kind;
    role: 'admin' | 'manager' | 'member';
  }>;
}

type List<T> = { items: T[]; nextCursor: string | null };

/** Every organization of one kind (or all), read page by page up to the end. */
export function useAllOrganizations(kind: Kind | '') {
  return useQuery({
    queryKey: ['platform', 'organizations', kind],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const items: Organization[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, unknown> = { limit: 200, ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) };
        const page: List<Organization> = await answer<List<Organization>>(
          api.GET('/api/v1/organizations', { params: { query: query as never }, signal }),
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < 2000);
      return items;
    },
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; kind: Kind; parentId?: string; orgNumber?: string }) =>
      answer<Organization>(api.POST('/api/v1/organizations', { body: body as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['platform', 'organizations'] }),
  });
}

export function useUserSearch(q: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ['platform', 'users', q, cursor ?? null],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      answer<List<FoundUser>>(
        api.GET('/api/v1/users', {
          params: { query: { q, limit: 20, ...(cursor ? { cursor } : {}) } as never },
          signal,
        }),
      ),
  });
}

/** Lets this browser open the queue dashboard for as long as the session lasts. */
export function useOpenQueueDashboard() {
  return useMutation({
    mutationFn: () => answer<void>(api.POST('/api/v1/admin/queue-dashboard/session')),
  });
}
