import { z } from 'zod';

export const NotificationOut = z.object({
  id: z.uuid(),
  event: z.string().describe('Event type, e.g. `application.submitted`'),
  subject: z.string().describe('In the request language'),
  body: z.string(),
  link: z.string().nullable().describe('Page of the web UI the message is about'),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const NotificationPage = z.object({
  items: z.array(NotificationOut),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});

export const UnreadOut = z.object({ unread: z.number().int() });

export const PreferencesOut = z.object({
  inApp: z.literal(true).describe('Always on'),
  email: z.boolean(),
  io: z.boolean(),
  emailAddress: z.string().nullable().describe('Where email goes; null when the account has no usable address'),
  ioAvailable: z.boolean().describe('App IO needs the codice fiscale'),
});
export const PreferencesBody = z.object({ email: z.boolean(), io: z.boolean() });

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export const DeliveryQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const DeliveryOut = z.object({
  id: z.uuid(),
  event: z.string(),
  recipient: z.string().describe('Full name of the account'),
  channel: z.enum(['email', 'io']),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.date().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.date().nullable(),
  createdAt: z.date(),
});
export const DeliverySummary = z.object({ pending: z.number().int(), sending: z.number().int(), sent: z.number().int(), failed: z.number().int() });
export const DeliveryPage = z.object({ items: z.array(DeliveryOut), nextCursor: z.string().nullable(), summary: DeliverySummary });
export const IdParam = z.object({ id: z.uuid() });
