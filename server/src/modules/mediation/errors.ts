// The error codes of the mediation module (messages in kernel/i18n/messages.ts).
import { AppError } from '../../kernel/http/errors.js';
import type { MessageKey } from '../../kernel/i18n/messages.js';

export const fieldError = (status: number, code: MessageKey, field: string, where: 'body' | 'query' = 'body') =>
  new AppError(status, code, [{ field, in: where, code }]);
