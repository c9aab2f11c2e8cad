/**
 * A small Prometheus registry (text exposition format 0.0.4): counters and histograms with labels.
 * Hand-written because it is ~100 lines and the server needs nothing more.
 */

const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Labels = Readonly<Record<string, string>>;

interface Histogram {
  readonly counts: number[];
  sum: number;
  count: number;
}

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/** The server's metrics; one per app. */
export interface Metrics {
  inc(name: string, labels: Labels, by?: number): void;
  observe(name: string, labels: Labels, seconds: number): void;
  /** The exposition text; `gauges` are sampled at scrape time (open streams, RSS). */
  render(gauges: Readonly<Record<string, number>>): string;
}

const HELP: Readonly<Record<string, string>> = {
  comptoir_http_requests_total: 'HTTP requests by method, route and status.',
  comptoir_http_request_duration_seconds: 'HTTP request duration by method and route.',
  comptoir_sync_push_total: 'Push requests by collection.',
  comptoir_sync_push_documents_total: 'Documents received in pushes, by collection and outcome (written, conflict, forbidden, unchanged).',
  comptoir_sync_push_duration_seconds: 'Push handling time by collection.',
  comptoir_sync_pull_total: 'Pull requests by collection.',
  comptoir_sync_pull_documents_total: 'Documents sent by pulls, by collection.',
  comptoir_sync_pull_duration_seconds: 'Pull handling time by collection.',
  comptoir_sync_open_streams: 'Live streams (Server-Sent Events) open in this process.',
  process_resident_memory_bytes: 'Resident set size of this process.',
};

/** Creates an empty registry. */
export function createMetrics(): Metrics {
  const counters = new Map<string, Map<string, number>>();
  const histograms = new Map<string, Map<string, Histogram>>();
  return {
    inc(name, labels, by = 1) {
      const series = counters.get(name) ?? new Map<string, number>();
      counters.set(name, series);
      const key = labelText(labels);
      series.set(key, (series.get(key) ?? 0) + by);
    },
    observe(name, labels, seconds) {
      const series = histograms.get(name) ?? new Map<string, Histogram>();
      histograms.set(name, series);
      const key = JSON.stringify(labels);
      const h = series.get(key) ?? { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      series.set(key, h);
      BUCKETS.forEach((bound, i) => {
        if (seconds <= bound) h.counts[i] = (h.counts[i] ?? 0) + 1;
      });
      h.sum += seconds;
      h.count += 1;
    },
    render(gauges) {
      const lines: string[] = [];
      const header = (name: string, type: string): void => {
        lines.push(`# HELP ${name} ${HELP[name] ?? name}`, `# TYPE ${name} ${type}`);
      };
      for (const [name, series] of counters) {
        header(name, 'counter');
        for (const [labels, value] of series) lines.push(`${name}${labels} ${value}`);
      }
      for (const [name, series] of histograms) {
        header(name, 'histogram');
        for (const [key, h] of series) {
          const labels = JSON.parse(key) as Labels;
          BUCKETS.forEach((bound, i) => lines.push(`${name}_bucket${labelText({ ...labels, le: String(bound) })} ${h.counts[i] ?? 0}`));
          lines.push(`${name}_bucket${labelText({ ...labels, le: '+Inf' })} ${h.count}`);
          lines.push(`${name}_sum${labelText(labels)} ${h.sum}`, `${name}_count${labelText(labels)} ${h.count}`);
        }
      }
      for (const [name, value] of Object.entries(gauges)) {
        header(name, 'gauge');
        lines.push(`${name} ${value}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
