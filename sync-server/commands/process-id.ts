import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process, as recorded on the command executions it claims: host, pid and a random part (a
 * pid is reused after a restart). Fixed for the life of the process by nature, hence a constant.
 */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
