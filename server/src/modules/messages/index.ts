// Notifications: one service for every module. `notify(trx, ctx, { event, to, params })` inside
// the module's own transaction; the delivery job sends email and App IO messages.
export { type Channels, channelsFromConfig, type EmailChannel, type IoChannel, ioChannel, PermanentDeliveryError, smtpChannel } from './channels.js';
export { EVENT_NAMES, type NotificationEvent } from './events.js';
export { messagesRoutes } from './routes.js';
export { euro, type NotifyInput, notify, notifyPeople, type Recipient } from './service.js';
export { backoffMs, deliverDue, type RunResult, startDeliveryWorker, type WorkerOptions } from './worker.js';
