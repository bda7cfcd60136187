import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { Page, PilotSummary, SlotsCommand, Testbed } from './types';

/**
 * The organization's test beds, drafts included (the API adds the caller's own
 * drafts and retired ones), or only those in one state (`?status=`).
 */
export function useOrganizationTestbeds(organizationId: string | undefined, status?: Testbed['status']) {
  return useQuery({
    queryKey: ['manage', 'testbeds', organizationId, status],
    enabled: Boolean(organizationId),
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/testbeds', { params: { query: { organizationId, status, limit: 200 } }, signal })),
  });
}

export function useManagedTestbed(id: string | undefined) {
  return useQuery({
    queryKey: ['manage', 'testbed', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => call(api.GET('/api/v1/testbeds/{id}', { params: { path: { id: id! } }, signal })),
  });
}

function invalidateTestbeds(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ['manage'] });
  void queryClient.invalidateQueries({ queryKey: ['testbeds'] });
  void queryClient.invalidateQueries({ queryKey: ['testbed'] });
}

export function useSaveTestbed(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      id
        ? call(api.PATCH('/api/v1/testbeds/{id}', { params: { path: { id } }, body: body as never }))
        : call(api.POST('/api/v1/testbeds', { body: body as never })),
    onSuccess: () => invalidateTestbeds(queryClient),
  });
}

export function useTestbedStatusChange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'publish' | 'retire') =>
      action === 'publish'
        ? call(api.POST('/api/v1/testbeds/{id}/publish', { params: { path: { id } } }))
        : call(api.POST('/api/v1/testbeds/{id}/retire', { params: { path: { id } } })),
    onSuccess: () => invalidateTestbeds(queryClient),
  });
}

/** Every slot of a test bed in a window, cancelled ones too. */
export function useManagedSlots(testbedId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['manage', 'slots', testbedId, from, to],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/v1/testbeds/{id}/slots', {
          params: { path: { id: testbedId }, query: { from, to } as never },
          signal,
        }),
      ),
  });
}

/** The slots of several test beds in one window, for the organization's calendar. */
export function useSlotsOf(testbeds: Testbed[], from: string, to: string) {
  return useQueries({
    queries: testbeds.map((testbed) => ({
      queryKey: ['manage', 'slots', testbed.id, from, to],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        call(
          api.GET('/api/v1/testbeds/{id}/slots', {
            params: { path: { id: testbed.id }, query: { from, to } as never },
            signal,
          }),
        ),
    })),
  });
}

/** What saving would create, from the API's own expansion (the same function that saves). */
export function usePreviewSlots(testbedId: string) {
  return useMutation({
    mutationFn: (body: SlotsCommand) =>
      call(
        api.POST('/api/v1/testbeds/{id}/slots/preview', { params: { path: { id: testbedId } }, body: body as never }),
      ),
  });
}

export function useCreateSlots(testbedId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SlotsCommand) =>
      call(api.POST('/api/v1/testbeds/{id}/slots', { params: { path: { id: testbedId } }, body: body as never })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['manage', 'slots', testbedId] }),
  });
}

export function useCancelSlot(slotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/v1/slots/{id}/cancel', {
          params: { path: { id: slotId } },
          body: (reason ? { reason } : {}) as never,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['manage'] });
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
    },
  });
}

/** Closes a slot to new bookings (the reason is shown beside it and recorded in its bookings' events), or reopens it. */
export function useSlotOpening(slotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { close: true; reason: string } | { close: false }) =>
      change.close
        ? call(
            api.POST('/api/v1/slots/{id}/close', {
              params: { path: { id: slotId } },
              body: (change.reason ? { reason: change.reason } : {}) as never,
            }),
          )
        : call(api.POST('/api/v1/slots/{id}/reopen', { params: { path: { id: slotId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['manage'] });
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
    },
  });
}

/** Bookings on the caller's test beds, filtered as asked. */
export function useManagedBookings(query: { status?: string; testbedId?: string }) {
  return useQuery({
    queryKey: ['bookings', 'managed', query],
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/bookings', { params: { query: { ...query, limit: 200 } as never }, signal })),
  });
}

/** A company's pilots on the caller's test beds. */
export function useCompanyPilots(organizationId: string) {
  return useQuery({
    queryKey: ['pilots', 'of-company', organizationId],
    staleTime: 60_000,
    // The pilots' list is read only for these few fields.
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/v1/pilots', { params: { query: { organizationId, limit: 50 } as never }, signal }),
      ) as unknown as Promise<Page<PilotSummary>>,
  });
}

export function useDecide(bookingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: { approve: true } | { approve: false; reason: string }) =>
      decision.approve
        ? call(api.POST('/api/v1/bookings/{id}/approve', { params: { path: { id: bookingId } } }))
        : call(
            api.POST('/api/v1/bookings/{id}/reject', {
              params: { path: { id: bookingId } },
              body: { reason: decision.reason } as never,
            }),
          ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
      void queryClient.invalidateQueries({ queryKey: ['manage'] });
    },
  });
}
