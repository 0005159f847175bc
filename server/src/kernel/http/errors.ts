import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isMessageKey, type Lang, type MessageKey, pickLang, t } from '../i18n/messages.js';

/** A field-level error in a problem+json response. */
export interface FieldError {
  field: string;
  in: string;
  code: string;
  message: string;
}

/** An expected failure with a stable code; mapped to problem+json by the one error handler. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly fields: Omit<FieldError, 'message'>[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'resource.not_found');
export const forbidden = () => new AppError(403, 'auth.forbidden');
export const unauthorized = () => new AppError(401, 'auth.required');

/** Raised by the zod validator compiler; carries raw issues so messages follow the request language. */
export class RequestValidationError extends Error {
  statusCode = 400;
  validationContext = 'body';
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('request.invalid');
  }
}

const zodLocales = { it: z.locales.it().localeError, en: z.locales.en().localeError };

function localizeIssue(issue: z.core.$ZodIssue, lang: Lang): string {
  if (isMessageKey(issue.message)) {
    return t(issue.message, lang);
  }
  const localized = zodLocales[lang](issue as never);
  if (typeof localized === 'string') {
    return localized;
  }
  return localized?.message ?? issue.message;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
}

function problem(req: FastifyRequest, status: number, code: MessageKey, lang: Lang, errors?: FieldError[]): Problem {
  return {
    type: `/problems/${code}`,
    title: code,
    status,
    detail: t(code, lang),
    code,
    instance: req.url.split('?')[0] ?? req.url,
    requestId: req.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, status: number, code: MessageKey, errors?: FieldError[]): FastifyReply {
  const lang = pickLang(req.headers['accept-language']);
  return reply
    .code(status)
    .type('application/problem+json')
    .send(problem(req, status, code, lang, errors));
}

interface PgError {
  code?: string;
  constraint?: string;
}

/** The one error handler: every failure leaves as application/problem+json (RFC 9457). */
export function errorHandler(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = pickLang(req.headers['accept-language']);
  if (error instanceof AppError) {
    reply.headers(error.headers);
    const fields = error.fields.map((f) => ({ ...f, message: t(error.code, lang) }));
    return sendProblem(req, reply, error.status, error.code, fields);
  }
  if (error instanceof RequestValidationError) {
    const where = error.validationContext === 'querystring' ? 'query' : error.validationContext;
    const fields = error.issues.map((i) => ({
      field: i.path.map(String).join('.') || '(root)',
      in: where,
      code: isMessageKey(i.message) ? i.message : i.code,
      message: localizeIssue(i, lang),
    }));
    return sendProblem(req, reply, 400, 'request.invalid', fields);
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(req, reply, 415, 'request.unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(req, reply, 413, 'request.too_large');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return sendProblem(req, reply, 400, 'request.malformed');
  }
  if (fe.statusCode === 429) {
    return sendProblem(req, reply, 429, 'auth.rate_limited');
  }
  if (fe instanceof SyntaxError || (fe.statusCode === 400 && /JSON/i.test(fe.message))) {
    return sendProblem(req, reply, 400, 'request.malformed');
  }
  const pgCode = (error as PgError).code;
  if (pgCode === '23P01') {
    return sendProblem(req, reply, 409, 'resource.overlap');
  }
  if (pgCode === '23505') {
    return sendProblem(req, reply, 409, 'resource.conflict');
  }
  // Input the edge did not catch but the database refused: still the caller's error, never a 500.
  // Logged as a warning: each one is a validation gap to close in the route's schema.
  if (pgCode === '23503') {
    req.log.warn({ err: error }, 'database refused a reference');
    return sendProblem(req, reply, 400, 'resource.reference_missing');
  }
  if (pgCode === '23502' || pgCode === '23514' || (typeof pgCode === 'string' && pgCode.startsWith('22'))) {
    req.log.warn({ err: error }, 'database refused a value');
    return sendProblem(req, reply, 400, 'request.invalid');
  }
  if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendProblem(req, reply, fe.statusCode, 'request.invalid');
  }
  req.log.error({ err: error }, 'unhandled error');
  return sendProblem(req, reply, 500, 'server.error');
}
