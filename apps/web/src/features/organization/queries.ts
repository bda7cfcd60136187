import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { call } from '../../api/problem';

/** The API's answer, typed here where its document describes it loosely (a map, or nothing). */
const answer = <T>(request: Promise<{ data?: unknown; error?: unknown; response: Response }>) =>
  call<unknown>(request) as Promise<T>;
import type {
  ApiToken,
  AuditActor,
  AuditEntry,
  AuditFilter,
  FeedToken,
  Member,
  Organization,
  Role,
  SentInvitation,
  Webhook,
  WebhookDelivery,
} from './types';

type List<T> = { items: T[]; nextCursor?: string | null };
const path = (id: string) => ({ params: { path: { id } } });

export function useOrganization(id: string) {
  return useQuery({
    queryKey: ['organization', id],
    queryFn: ({ signal }) => answer<Organization>(api.GET('/api/v1/organizations/{id}', { ...path(id), signal })),
  });
}

export function useMembers(id: string) {
  return useQuery({
    queryKey: ['organization', id, 'members'],
    queryFn: ({ signal }) =>
      answer<List<Member>>(
        api.GET('/api/v1/organizations/{id}/members', {
          params: { path: { id }, query: { limit: 200 } as never },
          signal,
        }),
      ),
  });
}

export function useSentInvitations(id: string) {
  return useQuery({
    queryKey: ['organization', id, 'invitations'],
    queryFn: ({ signal }) =>
      answer<List<SentInvitation>>(api.GET('/api/v1/organizations/{id}/invitations', { ...path(id), signal })),
  });
}

/** Adds a new person at once (201, e-mailed a link to choose a password), or invites an existing account (202). */
export function useAddMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; name: string; role: Role }) =>
      answer<Member | { invitationId: string }>(
        api.POST('/api/v1/organizations/{id}/members', { ...path(id), body: body as never }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', id] }),
  });
}

export function useWithdrawInvitation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      answer<void>(
        api.DELETE('/api/v1/organizations/{id}/invitations/{invitationId}', { params: { path: { id, invitationId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', id] }),
  });
}

export function useChangeRole(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      answer<Member>(
        api.PATCH('/api/v1/organizations/{id}/members/{userId}', {
          params: { path: { id, userId } },
          body: { role } as never,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', id] }),
  });
}

export function useRemoveMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      answer<void>(api.DELETE('/api/v1/organizations/{id}/members/{userId}', { params: { path: { id, userId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', id] }),
  });
}

export function useApiTokens(id: string) {
  return useQuery({
    queryKey: ['organization', id, 'api-tokens'],
    queryFn: ({ signal }) =>
      answer<List<ApiToken>>(api.GET('/api/v1/organizations/{id}/api-tokens', { ...path(id), signal })),
  });
}

export function useCreateApiToken(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; role: Role }) =>
      answer<ApiToken & { token: string }>(
        api.POST('/api/v1/organizations/{id}/api-tokens', { ...path(id), body: body as never }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', id] }),
  });
}

export function useRevokeApiToken(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      answer<void>(
        api.DELETE('/api/v1/organizations/{id}/api-tokens/{tokenId}', { params: { path: { id, tokenId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', id] }),
  });
}

export function useWebhooks(id: string) {
  return useQuery({
    queryKey: ['organization', id, 'webhooks'],
    queryFn: ({ signal }) =>
      answer<List<Webhook>>(api.GET('/api/v1/organizations/{id}/webhooks', { ...path(id), signal })),
  });
}

export function useAddWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; events: string[] }) =>
      answer<Webhook & { secret: string }>(
        api.POST('/api/v1/organizations/{id}/webhooks', { ...path(id), body: body as never }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', id] }),
  });
}

export function useWebhookDeliveries(id: string, webhookId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['organization', id, 'webhooks', webhookId, 'deliveries'],
    enabled,
    queryFn: ({ signal }) =>
      answer<List<WebhookDelivery>>(
        api.GET('/api/v1/organizations/{id}/webhooks/{webhookId}/deliveries', {
          params: { path: { id, webhookId } },
          signal,
        }),
      ),
  });
}

export function useEnableWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) =>
      answer<Webhook>(
        api.POST('/api/v1/organizations/{id}/webhooks/{webhookId}/enable', { params: { path: { id, webhookId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', id] }),
  });
}

export function useDeleteWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) =>
      answer<void>(
        api.DELETE('/api/v1/organizations/{id}/webhooks/{webhookId}', { params: { path: { id, webhookId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', id] }),
  });
}

export function useFeedTokens(id: string) {
  return useQuery({
    queryKey: ['organization', id, 'calendar-tokens'],
    queryFn: ({ signal }) =>
      answer<List<FeedToken>>(api.GET('/api/v1/organizations/{id}/calendar-tokens', { ...path(id), signal })),
  });
}

/** Names of the organization's test beds (drafts too), for the feed tokens that open one. */
export function useTestbedNames(id: string) {
  return useQuery({
    queryKey: ['organization', id, 'testbed-names'],
    queryFn: async ({ signal }) => {
      const page = await answer<List<{ id: string; name: string }>>(
        api.GET('/api/v1/testbeds', { params: { query: { organizationId: id, limit: 200 } as never }, signal }),
      );
      return new Map(page.items.map((testbed) => [testbed.id, testbed.name]));
    },
  });
}

export function useRevokeFeedToken(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      answer<void>(
        api.DELETE('/api/v1/organizations/{id}/calendar-tokens/{tokenId}', { params: { path: { id, tokenId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization', id] }),
  });
}

/** Everyone the audit log's "who" can name: members, and former members who acted in it. */
export function useAuditActors(id: string) {
  return useQuery({
    queryKey: ['organization', id, 'audit-actors'],
    queryFn: ({ signal }) =>
      answer<List<AuditActor>>(api.GET('/api/v1/organizations/{id}/audit/actors', { ...path(id), signal })),
  });
}

export function useAuditLog(id: string, filter: AuditFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: ['organization', id, 'audit', filter, cursor ?? null],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      answer<List<AuditEntry>>(
        api.GET('/api/v1/organizations/{id}/audit', {
          params: { path: { id }, query: { ...filter, limit: 25, ...(cursor ? { cursor } : {}) } as never },
          signal,
        }),
      ),
  });
}
