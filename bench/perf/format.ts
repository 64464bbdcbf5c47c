/** The median of a list of numbers (the lower middle for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** Seconds with one decimal. */
export function secs(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} s` : "n/a";
}

/** Bytes as GiB with two decimals. */
export function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
}

/** Bytes as MB (10^6) with one decimal. */
export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Bytes as KB (10^3) with one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1e3).toFixed(1)} KB`;
}

/** A ratio as 2.41x. */
export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : "n/a";
}

/** A whole number with thousands separators. */
export function count(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** A label padded to line up the figures after it. */
export function row(label: string, value: string, note = ""): string {
  return `  ${label.padEnd(22)}${value.padStart(12)}${note ? `   ${note}` : ""}`;
}
