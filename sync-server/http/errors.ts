import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/**
 * Every error response body (wire contract): a stable machine `code` and a human `message`.
 * 5xx responses never carry details; those go to the log with the request id.
 */
export const errorSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, message: { type: 'string' } },
  required: ['code', 'message'],
} as const;

/** Sends `{ code, message }` with `status`. */
export function sendFailure(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ code, message });
}

/** Fastify's own client-error codes, mapped to ours. */
const FASTIFY_CODES: Readonly<Record<string, { status: number; code: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON' },
};

/** Maps validation, parsing and unexpected errors to `{ code, message }`; logs 5xx. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const where = error.validationContext ?? 'body';
      return sendFailure(reply, 400, `INVALID_${where.toUpperCase()}`, error.message);
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendFailure(reply, known.status, known.code, error.message);
    // A JSON syntax error from the body parser has status 400 but no FST code.
    if (error.statusCode === 400 && error instanceof SyntaxError) return sendFailure(reply, 400, 'INVALID_JSON', error.message);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendFailure(reply, error.statusCode, error.code ?? 'BAD_REQUEST', error.message);
    }
    request.log.error({ err: error }, 'request failed');
    return sendFailure(reply, 500, 'INTERNAL', 'Internal server error');
  });
  app.setNotFoundHandler((request, reply) => sendFailure(reply, 404, 'NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`));
}
