import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api.js';

export interface Notification {
  id: string;
  event: string;
  subject: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Preferences {
  inApp: true;
  email: boolean;
  io: boolean;
  emailAddress: string | null;
  ioAvailable: boolean;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface Delivery {
  id: string;
  event: string;
  recipient: string;
  channel: 'email' | 'io';
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

const key = ['notifications'] as const;

/** The bell's count, refreshed every 30 seconds. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'unread'],
    queryFn: () => api<{ unread: number }>('GET', '/api/v1/me/notifications/unread'),
    enabled,
    refetchInterval: 30_000,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: [...key, 'list'],
    queryFn: () => api<{ items: Notification[]; nextCursor: string | null; unread: number }>('GET', '/api/v1/me/notifications?limit=50'),
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => api<void>('POST', id === 'all' ? '/api/v1/me/notifications/read-all' : `/api/v1/me/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function usePreferences() {
  return useQuery({ queryKey: [...key, 'preferences'], queryFn: () => api<Preferences>('GET', '/api/v1/me/notification-preferences') });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { email: boolean; io: boolean }) => api<Preferences>('PUT', '/api/v1/me/notification-preferences', p),
    onSuccess: (data) => qc.setQueryData([...key, 'preferences'], data),
  });
}

export function useDeliveries(status: DeliveryStatus | '') {
  return useQuery({
    queryKey: ['deliveries', status],
    queryFn: () =>
      api<{ items: Delivery[]; nextCursor: string | null; summary: Record<DeliveryStatus, number> }>(
        'GET',
        `/api/v1/notifications/deliveries${query({ status, limit: 100 })}`,
      ),
  });
}

export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('POST', `/api/v1/notifications/deliveries/${id}/retry`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['deliveries'] }),
  });
}
