import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { errorSchema, sendFailure } from '../http/errors.ts';
import { loginKey } from './rate-limit.ts';

const AUTH_BODY_LIMIT = 16 * 1024;

const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', enum: ['agent', 'manager', 'admin'] },
    team: { type: 'string' },
    disabled: { type: 'boolean' },
  },
  required: ['id', 'email', 'name', 'role', 'team', 'disabled'],
} as const;

const sessionSchema = {
  type: 'object',
  properties: {
    accessToken: { type: 'string' },
    accessTokenExpiresAt: { type: 'string' },
    refreshToken: { type: 'string' },
    user: userSchema,
  },
  required: ['accessToken', 'accessTokenExpiresAt', 'refreshToken', 'user'],
} as const;

const refreshBody = {
  type: 'object',
  properties: { refreshToken: { type: 'string', minLength: 1, maxLength: 256 } },
  required: ['refreshToken'],
  additionalProperties: false,
} as const;

/**
 * `POST /api/auth/login` `{ email, password }` → 200 Session | 401 INVALID_CREDENTIALS (unknown
 * email and wrong password alike) | 403 ACCOUNT_DISABLED | 429 RATE_LIMITED (`Retry-After`).
 * `POST /api/auth/refresh` `{ refreshToken }` → 200 Session (a new refresh token: the old one is
 * spent) | 401 INVALID_REFRESH_TOKEN | 401 REFRESH_TOKEN_REUSED (the whole family is revoked) |
 * 403 ACCOUNT_DISABLED.
 * `POST /api/auth/logout` `{ refreshToken }` → 204; revokes that sign-in's token family.
 */
export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { email: string; password: string } }>(
    '/api/auth/login',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        body: {
          type: 'object',
          properties: { email: { type: 'string', minLength: 1, maxLength: 320 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
          required: ['email', 'password'],
          additionalProperties: false,
        },
        response: { 200: sessionSchema, '4xx': errorSchema },
      },
    },
    async (request, reply) => {
      const key = loginKey(request.ip, request.body.email);
      const now = ctx.now().getTime();
      const wait = ctx.loginLimiter.retryAfter(key, now);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        return sendFailure(reply, 429, 'RATE_LIMITED', `Too many failed sign-ins: try again in ${wait} s`);
      }
      const result = await ctx.auth.login(request.body.email, request.body.password);
      if (!result.ok) {
        if (result.error.code === 'INVALID_CREDENTIALS') ctx.loginLimiter.recordFailure(key, now);
        return sendFailure(reply, result.error.code === 'ACCOUNT_DISABLED' ? 403 : 401, result.error.code, result.error.message);
      }
      ctx.loginLimiter.recordSuccess(key);
      return result.value;
    },
  );

  app.post<{ Body: { refreshToken: string } }>(
    '/api/auth/refresh',
    { bodyLimit: AUTH_BODY_LIMIT, schema: { body: refreshBody, response: { 200: sessionSchema, '4xx': errorSchema } } },
    async (request, reply) => {
      const result = await ctx.auth.refresh(request.body.refreshToken);
      if (!result.ok) {
        if (result.error.code === 'REFRESH_TOKEN_REUSED') request.log.warn({ code: result.error.code }, 'refresh token reuse: family revoked');
        return sendFailure(reply, result.error.code === 'ACCOUNT_DISABLED' ? 403 : 401, result.error.code, result.error.message);
      }
      return result.value;
    },
  );

  app.post<{ Body: { refreshToken: string } }>(
    '/api/auth/logout',
    { bodyLimit: AUTH_BODY_LIMIT, schema: { body: refreshBody, response: { '4xx': errorSchema } } },
    async (request, reply) => {
      await ctx.auth.logout(request.body.refreshToken);
      return reply.code(204).send();
    },
  );
}
