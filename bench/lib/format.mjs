// Number and size formatting shared by the benchmarks' reports, and their progress log (stderr).
export const int = (n) => Math.round(n).toLocaleString('en-US');
export const sec = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
export const mib = (kb) => (kb ? `${int(kb / 1024)} MiB` : '–');
export const size = (bytes) =>
  bytes === null || bytes === undefined
    ? '–'
    : bytes >= 10 * 1024 * 1024
      ? `${(bytes / 1024 / 1024).toFixed(0)} MiB`
      : bytes >= 1024 * 1024
        ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
        : bytes >= 1024
          ? `${(bytes / 1024).toFixed(1)} kB`
          : `${bytes} B`;
export const log = (message) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal colour codes is the point.
export const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
