import type { FastifyInstance } from 'fastify';
import { DEFAULT_BLOCK_SIZE, MAX_BLOCK_SIZE } from '../../core/numbering/number-block.ts';
import { NUMBER_SERIES, type NumberSeries } from '../../core/numbering/number-format.ts';
import { ID_PATTERN, type DeviceId } from '../../core/shared/ids.ts';
import type { AppContext } from '../app-context.ts';
import { authenticate } from '../http/authenticate.ts';
import { errorSchema, sendFailure } from '../http/errors.ts';
import { reserveNumberBlock } from './number-blocks.ts';

interface ReserveBody {
  readonly series: NumberSeries;
  readonly year: number;
  readonly size?: number;
  readonly deviceId: string;
}

const blockSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    series: { type: 'string' },
    year: { type: 'integer' },
    start: { type: 'integer' },
    end: { type: 'integer' },
    deviceId: { type: 'string' },
    reservedAt: { type: 'string' },
  },
  required: ['id', 'series', 'year', 'start', 'end', 'deviceId', 'reservedAt'],
} as const;

/**
 * `POST /api/numbers/reserve` `{ series: 'D' | 'Q', year, size?: 1…1000 (50), deviceId }` → 200
 * `NumberBlock` `{ id, series, year, start, end, deviceId, reservedAt }` (DESIGN §8): numbers
 * `start…end` of that series and year are this device's alone; it formats them
 * (`Q-2026-000123`) and consumes them offline. The same block also reaches the device as a
 * `reference` document of type `number_blocks` (id `number-block-<id>`), so a lost response costs
 * nothing but unused numbers. Any signed-in user may reserve; access tokens name no device, so the
 * body does.
 * Errors: 401 UNAUTHENTICATED; 400 INVALID_BODY; 400 INVALID_YEAR (not last, this or next year on
 * the server's clock: a device with a wrong clock must not drain a far year); 409 SERIES_EXHAUSTED.
 * Near the end of a year's series the block may hold fewer numbers than asked.
 */
export function registerNumberRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: ReserveBody }>(
    '/api/numbers/reserve',
    {
      bodyLimit: 4 * 1024,
      schema: {
        body: {
          type: 'object',
          properties: {
            series: { type: 'string', enum: [...NUMBER_SERIES] },
            year: { type: 'integer' },
            size: { type: 'integer', minimum: 1, maximum: MAX_BLOCK_SIZE },
            deviceId: { type: 'string', pattern: ID_PATTERN.source },
          },
          required: ['series', 'year', 'deviceId'],
          additionalProperties: false,
        },
        response: { 200: blockSchema, '4xx': errorSchema },
      },
    },
    async (request, reply) => {
      const access = await authenticate(ctx.auth, request, reply);
      if (access === null) return reply;
      const { series, year, size = DEFAULT_BLOCK_SIZE, deviceId } = request.body;
      const now = ctx.now();
      const thisYear = now.getUTCFullYear();
      if (Math.abs(year - thisYear) > 1) {
        return sendFailure(reply, 400, 'INVALID_YEAR', `Blocks are reserved for ${thisYear - 1}, ${thisYear} or ${thisYear + 1}, not ${year}`);
      }
      const reserved = await reserveNumberBlock(ctx.db, ctx.channel, { series, year, size, deviceId: deviceId as DeviceId, at: now.toISOString() });
      if (!reserved.ok) {
        const status = reserved.error.code === 'SERIES_EXHAUSTED' ? 409 : 400;
        return sendFailure(reply, status, reserved.error.code, reserved.error.message);
      }
      request.log.info({ block: reserved.value.id, deviceId, userId: access.principal.userId }, 'number block reserved');
      return reserved.value;
    },
  );
}
