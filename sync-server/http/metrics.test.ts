import { describe, expect, it } from 'vitest';
import { redactUrl } from './authenticate.ts';
import { createMetrics } from './metrics.ts';

describe('Prometheus metrics', () => {
  it('renders counters, cumulative histogram buckets and gauges', () => {
    const metrics = createMetrics();
    metrics.inc('comptoir_sync_pull_total', { collection: 'quotes' });
    metrics.inc('comptoir_sync_pull_total', { collection: 'quotes' }, 2);
    metrics.observe('comptoir_sync_pull_duration_seconds', { collection: 'quotes' }, 0.003);
    metrics.observe('comptoir_sync_pull_duration_seconds', { collection: 'quotes' }, 0.2);
    const text = metrics.render({ comptoir_sync_open_streams: 7 });
    expect(text).toContain('# TYPE comptoir_sync_pull_total counter\ncomptoir_sync_pull_total{collection="quotes"} 3');
    expect(text).toContain('comptoir_sync_pull_duration_seconds_bucket{collection="quotes",le="0.001"} 0');
    expect(text).toContain('comptoir_sync_pull_duration_seconds_bucket{collection="quotes",le="0.005"} 1');
    expect(text).toContain('comptoir_sync_pull_duration_seconds_bucket{collection="quotes",le="0.25"} 2');
    expect(text).toContain('comptoir_sync_pull_duration_seconds_count{collection="quotes"} 2');
    expect(text).toContain('# TYPE comptoir_sync_open_streams gauge\ncomptoir_sync_open_streams 7');
  });

  it('escapes label values', () => {
    const metrics = createMetrics();
    metrics.inc('x_total', { route: 'a"b\\c' });
    expect(metrics.render({})).toContain('x_total{route="a\\"b\\\\c"} 1');
  });
});

describe('log redaction', () => {
  it('hides access tokens passed in the query string', () => {
    expect(redactUrl('/api/sync/stream?access_token=eyJ.abc.def&x=1')).toBe('/api/sync/stream?access_token=[redacted]&x=1');
    expect(redactUrl('/health')).toBe('/health');
  });
});
