// What the benchmark scripts share: statistics, tables, number formats, and
// the phone profile (network and CPU throttling through the DevTools protocol).

/** Median, minimum and maximum of `values` (numbers). */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function formatTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => String(row[i]).length)));
  const fmt = (row) =>
    row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ').trimEnd();
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

/** Milliseconds, rounded: "1234 ms", or "-" for none. */
export const ms = (n) => (n == null ? '-' : `${Math.round(n)} ms`);

/** Bytes as B or KiB. */
export const kib = (n) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`);

/** A ratio: "1.07×", or "-". */
export const ratio = (n) => (n == null || !Number.isFinite(n) ? '-' : `${n.toFixed(2)}×`);

/**
 * A mid-range phone on a slow mobile connection, as Lighthouse's mobile
 * profile describes it: 150 ms round trip, 1.6 Mbps down, 750 kbps up, a CPU
 * four times slower than this machine's, a 412×823 screen at 1.75×.
 */
export const PHONE = {
  latencyMs: 150,
  downloadKbps: 1600,
  uploadKbps: 750,
  cpuSlowdown: 4,
  context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
};

/** PHONE in words, for a benchmark's heading. */
export const describePhone = (p = PHONE) =>
  `${p.latencyMs} ms latency, ${p.downloadKbps / 1000} Mbps down, ${p.uploadKbps} kbps up, ` +
  `CPU ${p.cpuSlowdown}× slower, ${p.context.viewport.width}×${p.context.viewport.height} at ${p.context.deviceScaleFactor}×`;

/**
 * Applies the network and CPU throttling of `profile` (and disables the HTTP
 * cache) through `cdp`, a DevTools protocol session on the page.
 */
export async function throttle(cdp, profile = PHONE) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    // Bytes per second.
    downloadThroughput: (profile.downloadKbps * 1000) / 8,
    uploadThroughput: (profile.uploadKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
}

/** The `p`th percentile of `values` (numbers), by the nearest-rank method: p 95 is a value 95% of them do not exceed. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
