import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { Booking } from './types';

export function useMyBookings() {
  return useQuery({
    queryKey: ['bookings', 'mine'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/bookings', { params: { query: { limit: 200 } }, signal })),
  });
}

export function useBooking(id: string) {
  return useQuery({
    queryKey: ['bookings', id],
    queryFn: ({ signal }) => call(api.GET('/api/v1/bookings/{id}', { params: { path: { id } }, signal })),
  });
}

export function useBookingEvents(id: string) {
  return useQuery({
    queryKey: ['bookings', id, 'events'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/bookings/{id}/events', { params: { path: { id } }, signal })),
  });
}

/** The test bed of a booking, for its name and time zone when the booking does not carry them. */
export function useBookingTestbed(booking: Booking | undefined) {
  return useQuery({
    queryKey: ['testbed', booking?.testbedId, 'for-booking'],
    enabled: Boolean(booking && (!booking.testbedName || !booking.testbedTimezone)),
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/testbeds/{id}', { params: { path: { id: booking!.testbedId } }, signal })),
  });
}

export function useCancelBooking(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      call(api.POST('/api/v1/bookings/{id}/cancel', { params: { path: { id } }, body: reason ? { reason } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['bookings'] }),
  });
}

export function useRescheduleBooking(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slotId: string) =>
      call(api.POST('/api/v1/bookings/{id}/reschedule', { params: { path: { id } }, body: { slotId } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['bookings'] });
      void queryClient.invalidateQueries({ queryKey: ['slots'] });
    },
  });
}

export const ACTIVE: Booking['status'][] = ['pending', 'confirmed', 'waitlisted'];
