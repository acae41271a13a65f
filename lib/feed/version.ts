// Version order for datasets (`2026.11.26.1`) and for the extension (`0.1.0`): dotted whole numbers,
// compared part by part, missing parts counting as zero.

const DOTTED = /^\d+(\.\d+)*$/;

export function isDottedVersion(text: unknown): text is string {
  return typeof text === 'string' && text.length <= 64 && DOTTED.test(text);
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
