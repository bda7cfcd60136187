import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type {
  Measurement,
  MeasurementRequest,
  MetricDefinition,
  Pilot,
  PilotEvent,
  PilotListItem,
  PlanVersion,
  Result,
  Source,
  SourceFetch,
} from './types';

const path = (id: string) => ({ path: { id } });

export function usePilots() {
  return useQuery({
    queryKey: ['pilots', 'list'],
    queryFn: ({ signal }) =>
      call<{ items: PilotListItem[]; nextCursor: string | null }>(
        api.GET('/api/v1/pilots', { params: { query: { limit: 200 } as never }, signal }),
      ),
  });
}

export function usePilot(id: string) {
  return useQuery({
    queryKey: ['pilots', id],
    queryFn: ({ signal }) => call<Pilot>(api.GET('/api/v1/pilots/{id}', { params: path(id), signal })),
  });
}

export function usePlanVersions(id: string) {
  return useQuery({
    queryKey: ['pilots', id, 'versions'],
    queryFn: ({ signal }) =>
      call<{ items: PlanVersion[] }>(api.GET('/api/v1/pilots/{id}/plan/versions', { params: path(id), signal })),
  });
}

export function useMeasurementRequests(id: string) {
  return useQuery({
    queryKey: ['pilots', id, 'requests'],
    queryFn: ({ signal }) =>
      call<{ items: MeasurementRequest[] }>(
        api.GET('/api/v1/pilots/{id}/measurement-requests', { params: path(id), signal }),
      ),
  });
}

export function useMeasurements(id: string) {
  return useQuery({
    queryKey: ['pilots', id, 'measurements'],
    queryFn: ({ signal }) =>
      call<{ items: Measurement[] }>(
        api.GET('/api/v1/pilots/{id}/measurements', {
          params: { ...path(id), query: { limit: 200 } as never },
          signal,
        }),
      ),
  });
}

export function usePilotEvents(id: string) {
  return useQuery({
    queryKey: ['pilots', id, 'events'],
    queryFn: ({ signal }) =>
      call<{ items: PilotEvent[] }>(api.GET('/api/v1/pilots/{id}/events', { params: path(id), signal })),
  });
}

/** The fetch history of the pilot's source, once it has one. */
export function useSourceFetches(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['pilots', id, 'fetches'],
    enabled,
    queryFn: ({ signal }) =>
      call<{ items: SourceFetch[] }>(
        api.GET('/api/v1/pilots/{id}/source/fetches', {
          params: { ...path(id), query: { limit: 50 } as never },
          signal,
        }),
      ),
  });
}

/** A change to the pilot: afterwards everything about it is read again. */
function usePilotChange<T, R>(id: string, send: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pilots'] }),
  });
}

export const useReplacePlan = (id: string) =>
  usePilotChange(id, (plan: { goals: string[]; metrics: MetricDefinition[] }) =>
    call<Pilot>(api.PUT('/api/v1/pilots/{id}/plan', { params: path(id), body: plan as never })),
  );

export const useApprovePlan = (id: string) =>
  usePilotChange(id, (_: void) => call<Pilot>(api.POST('/api/v1/pilots/{id}/plan/approve', { params: path(id) })));

export const useMoveStage = (id: string) =>
  usePilotChange(id, (change: { stage: 'evaluating' | 'aborted'; reason?: string }) =>
    call<Pilot>(api.PATCH('/api/v1/pilots/{id}', { params: path(id), body: change as never })),
  );

export const useRecordOutcome = (id: string) =>
  usePilotChange(
    id,
    (outcome: {
      result: Result;
      summary: string;
      lessons?: string;
      procurementReference?: string;
      procurementDate?: string;
    }) => call<Pilot>(api.POST('/api/v1/pilots/{id}/outcome', { params: path(id), body: outcome as never })),
  );

export const useSubmitMeasurement = (id: string) =>
  usePilotChange(id, (measurement: { metricKey: string; value: number; observedAt: string; note?: string }) =>
    call<Measurement>(api.POST('/api/v1/pilots/{id}/measurements', { params: path(id), body: measurement as never })),
  );

export const useRegisterSource = (id: string) =>
  usePilotChange(id, (source: { url: string; token?: string }) =>
    call<Source>(api.PUT('/api/v1/pilots/{id}/source', { params: path(id), body: source as never })),
  );
