import { describe, expect, it } from 'vitest';
import { parseSseChunk } from './fetch-transports.ts';

describe('Server-Sent Events framing', () => {
  it('reports complete events, joins multi-line data, skips comments and keeps the unfinished tail', () => {
    const events: string[] = [];
    const tail = parseSseChunk(': keep-alive\n\ndata: RESYNC\n\ndata: {"a":\ndata: 1}\n\ndata: {"coll', (d) => events.push(d));
    expect(events).toEqual(['RESYNC', '{"a":\n1}']);
    expect(tail).toBe('data: {"coll');
    parseSseChunk(`${tail}ection":"quotes"}\r\n\r\n`, (d) => events.push(d));
    expect(events[2]).toBe('{"collection":"quotes"}');
  });
});
