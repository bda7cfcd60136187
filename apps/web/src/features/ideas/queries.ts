import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { useSession } from '../../app/session';
import type { Answer, Idea, IdeaDetail, IdeaStatus, Kind, List, Match, Message, SimilarIdea, Sluice } from './types';

const path = (id: string) => ({ path: { id } });

export function useSluices() {
  return useQuery({
    queryKey: ['sluices'],
    queryFn: ({ signal }) =>
      call<List<Sluice>>(api.GET('/api/v1/sluices', { params: { query: { limit: 200 } as never }, signal })),
  });
}

export function useSluice(id: string) {
  return useQuery({
    queryKey: ['sluices', id],
    queryFn: ({ signal }) => call<Sluice>(api.GET('/api/v1/sluices/{id}', { params: path(id), signal })),
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
    queryFn: ({ signal }) =>
      call<List<Idea>>(api.GET('/api/v1/ideas', { params: { query: { ...filter, limit: 200 } as never }, signal })),
  });
}

export function useIdea(id: string) {
  return useQuery({
    queryKey: ['ideas', id],
    queryFn: ({ signal }) => call<IdeaDetail>(api.GET('/api/v1/ideas/{id}', { params: path(id), signal })),
  });
}

/** Ideas and needs like what the person is typing; nothing is asked for under three letters. */
export function useSimilarIdeas(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['ideas', 'similar', text],
    enabled: text.length >= 3,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    queryFn: ({ signal }) =>
      call<List<SimilarIdea>>(api.GET('/api/v1/ideas/similar', { params: { query: { q: text } as never }, signal })),
  });
}

export function useMatches(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ideas', id, 'matches'],
    enabled,
    queryFn: ({ signal }) => call<List<Match>>(api.GET('/api/v1/ideas/{id}/matches', { params: path(id), signal })),
  });
}

export function useMessages(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ideas', id, 'messages'],
    enabled,
    queryFn: ({ signal }) =>
      call<List<Message>>(
        api.GET('/api/v1/ideas/{id}/messages', { params: { ...path(id), query: { limit: 200 } as never }, signal }),
      ),
  });
}

export function useAnswers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ideas', id, 'answers'],
    enabled,
    queryFn: ({ signal }) => call<List<Answer>>(api.GET('/api/v1/ideas/{id}/answers', { params: path(id), signal })),
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ideas'] }),
  });
}

export interface NewIdea {
  kind: Kind;
  title: string;
  description: string;
  domains?: string[];
  affects?: string;
  public?: boolean;
}

export const useSubmitIdea = (sluiceId: string) =>
  useIdeaChange((idea: NewIdea) =>
    call<Idea>(api.POST('/api/v1/sluices/{id}/ideas', { params: path(sluiceId), body: idea as never })),
  );

export type Move =
  | { action: 'screen' }
  | { action: 'accept'; testbedIds: string[] }
  | { action: 'decline'; reason: string }
  | { action: 'close'; result: string };

export const useMoveIdea = (id: string) =>
  useIdeaChange((move: Move) => {
    const { action, ...body } = move;
    const params = path(id);
    switch (action) {
      case 'screen':
        return call<Idea>(api.POST('/api/v1/ideas/{id}/screen', { params }));
      case 'accept':
        return call<Idea>(api.POST('/api/v1/ideas/{id}/accept', { params, body: body as never }));
      case 'decline':
        return call<Idea>(api.POST('/api/v1/ideas/{id}/decline', { params, body: body as never }));
      case 'close':
        return call<Idea>(api.POST('/api/v1/ideas/{id}/close', { params, body: body as never }));
    }
  });

export const useFollow = (id: string) =>
  useIdeaChange((follow: boolean) =>
    follow
      ? call<unknown>(api.POST('/api/v1/ideas/{id}/followers', { params: path(id) }))
      : call<unknown>(api.DELETE('/api/v1/ideas/{id}/followers', { params: path(id) })),
  );

export const useSendMessage = (id: string) =>
  useIdeaChange((body: string) =>
    call<Message>(api.POST('/api/v1/ideas/{id}/messages', { params: path(id), body: { body } as never })),
  );

export const useAnswerNeed = (id: string) =>
  useIdeaChange((description: string) =>
    call<Answer>(api.POST('/api/v1/ideas/{id}/answers', { params: path(id), body: { description } as never })),
  );

export const useAcceptAnswer = (id: string) =>
  useIdeaChange((answerId: string) =>
    call<Answer>(
      api.POST('/api/v1/ideas/{id}/answers/{answerId}/accept', { params: { path: { id, answerId } } as never }),
    ),
  );
