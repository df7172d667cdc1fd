// The bench's figures: percentiles of timed samples, and a row of the printed table.
export interface Stats {
  p50: number;
  p95: number;
  n: number;
}
export interface Row {
  op: string;
  target?: string;
  note?: string;
  s: Stats;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), n: s.length };
}
