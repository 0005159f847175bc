import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';
import { RequestValidationError } from './errors.js';

/**
 * Validates requests with their zod schema. Unlike the provider's default it keeps the raw issues
 * (with input) so the error handler can word each field message in the caller's language.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) {
      return { value: result.data };
    }
    return { error: new RequestValidationError(result.error.issues) };
  };
