// Helpers shared by the benchmark sections (the leading underscore keeps this file from being
// discovered as a section by scripts/bench.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../browser';

/** Small seeded PRNG (mulberry32), so every run generates the same text, pages and datasets. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The built extension to measure: $SL_EXTENSION_DIR, else a fresh build into .output-bench. */
export function buildExtension(): string {
  if (process.env.SL_EXTENSION_DIR) return join(ROOT, process.env.SL_EXTENSION_DIR);
  console.log('building the extension into .output-bench …');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SL_OUT_DIR: '.output-bench' } });
  if (result.status !== 0) throw new Error('the extension build failed');
  return join(ROOT, '.output-bench/chrome-mv3');
}

/** The parts of a V8 CPU profile (CDP `Profiler.stop`) the profile scripts read. */
export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}
