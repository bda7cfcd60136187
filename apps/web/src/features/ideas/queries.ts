import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { useSession } from '../../app/session';
import type { Schema } from '../../api/types';
import type { IdeaStatus, Kind } from './types';

const path = (id: string) => ({ path: { id } });

export function useSluices() {
  return useQuery({
    queryKey: ['sluices'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/sluices', { params: { query: { limit: 200 } }, signal })),
  });
}

export function useSluice(id: string) {
  return useQuery({
    queryKey: ['sluices', id],
    queryFn: ({ signal }) => call(api.GET('/api/v1/sluices/{id}', { params: path(id), signal })),
  });
}

export interface IdeaFilter {
  sluiceId?: string;
  status?: IdeaStatus;
  kind?: Kind;
  q?: string;
}

/** The caller's own ideas, all of the sluices it manages, and public needs (as the API decides). */
export function useIdeas(filter: IdeaFilter = {}, enabled = true) {
  const signedIn = useSession().status === 'signedIn';
  return useQuery({
    queryKey: ['ideas', 'list', filter],
    enabled: signedIn && enabled,
    queryFn: ({ signal }) => call(api.GET('/api/v1/ideas', { params: { query: { ...filter, limit: 200 } }, signal })),
  });
}

const ideaQuery = (id: string) => ({
  queryKey: ['ideas', id],
  queryFn: ({ signal }: { signal: AbortSignal }) => call(api.GET('/api/v1/ideas/{id}', { params: path(id), signal })),
});

export function useIdea(id: string) {
  return useQuery(ideaQuery(id));
}

/** Ideas and needs of the sluice like what the person is typing; nothing is asked for under three letters. */
export function useSimilarIdeas(q: string, sluiceId: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['ideas', 'similar', sluiceId, text],
    enabled: text.length >= 3,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/ideas/similar', { params: { query: { q: text, sluiceId } }, signal })),
  });
}

export function useMatches(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ideas', id, 'matches'],
    enabled,
    queryFn: ({ signal }) => call(api.GET('/api/v1/ideas/{id}/matches', { params: path(id), signal })),
  });
}

export function useMessages(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ideas', id, 'messages'],
    enabled,
    queryFn: ({ signal }) => call(api.GET('/api/v1/ideas/{id}/messages', { params: path(id), signal })),
  });
}

export function useAnswers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ideas', id, 'answers'],
    enabled,
    queryFn: ({ signal }) => call(api.GET('/api/v1/ideas/{id}/answers', { params: path(id), signal })),
  });
}

/** The names of test beds (an idea's matched ones), from the catalogue's public reads. */
export function useTestbedNames(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['testbed', id, 'name'],
      staleTime: 5 * 60_000,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        call(api.GET('/api/v1/testbeds/{id}', { params: path(id), signal })).then((testbed) => ({
          id,
          name: testbed.name,
        })),
    })),
    combine: (results) => ids.map((id, index) => ({ id, name: results[index]?.data?.name ?? null })),
  });
}

/** A change to ideas: afterwards every idea query is read again (lists, the idea, its thread). */
function useIdeaChange<T, R>(send: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Not awaited: the caller's own callbacks run at once, while the form that sent is still there
    // (a company's answer form, say, is gone once the answers are read again).
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ideas'] }),
  });
}

export type NewIdea = Schema<'SubmitIdeaDto'>;

export const useSubmitIdea = (sluiceId: string) =>
  useIdeaChange((idea: NewIdea) =>
    call(api.POST('/api/v1/sluices/{id}/ideas', { params: path(sluiceId), body: idea })),
  );

export type Move =
  | { action: 'screen' }
  | { action: 'accept'; testbedIds: string[] }
  | { action: 'decline'; reason: string }
  | { action: 'close'; result: string };

export const useMoveIdea = (id: string) =>
  useIdeaChange((move: Move) => {
    const params = path(id);
    switch (move.action) {
      case 'screen':
        return call(api.POST('/api/v1/ideas/{id}/screen', { params }));
      case 'accept':
        return call(api.POST('/api/v1/ideas/{id}/accept', { params, body: { testbedIds: move.testbedIds } }));
      case 'decline':
        return call(api.POST('/api/v1/ideas/{id}/decline', { params, body: { reason: move.reason } }));
      case 'close':
        return call(api.POST('/api/v1/ideas/{id}/close', { params, body: { result: move.result } }));
    }
  });

export const useFollow = (id: string) =>
  useIdeaChange((follow: boolean) =>
    follow
      ? call(api.POST('/api/v1/ideas/{id}/followers', { params: path(id) }))
      : call(api.DELETE('/api/v1/ideas/{id}/followers', { params: path(id) })),
  );

export const useSendMessage = (id: string) =>
  useIdeaChange((body: string) => call(api.POST('/api/v1/ideas/{id}/messages', { params: path(id), body: { body } })));

export const useAnswerNeed = (id: string) =>
  useIdeaChange((description: string) =>
    call(api.POST('/api/v1/ideas/{id}/answers', { params: path(id), body: { description } })),
  );

export const useAcceptAnswer = (id: string) =>
  useIdeaChange((answerId: string) =>
    call(api.POST('/api/v1/ideas/{id}/answers/{answerId}/accept', { params: { path: { id, answerId } } })),
  );
