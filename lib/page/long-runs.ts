// Long text read in windows. One text node can hold megabytes (a log, a pasted data dump, a page
// built to stall readers), and a phrase can be spread over hundreds of thousands of nodes; matched
// in one go, either is a task of seconds. A run longer than a window is matched a window at a time,
// under the scheduler's time budget: each window is scanned together with `overlap` characters on
// both sides (longer than any name, and than the reach of the matcher's context rules), and keeps
// only the matches that start inside it, so every match is found exactly once, with the context
// the matcher would have seen in the whole text.
import type { PageMatch } from './scanner';

/** Runs longer than this are matched in windows of this size. */
export const WINDOW_CHARS = 32_768;
/** Characters read on each side of a window: the matcher's widest context (introduced.ts reads 4,000). */
export const WINDOW_OVERLAP = 4_096;

export class WindowedScan {
  private at = 0;
  readonly matches: PageMatch[] = [];
  /** Windows scanned so far (tests, benchmark). */
  windows = 0;

  constructor(
    private readonly text: string,
    private readonly scan: (text: string) => PageMatch[],
    private readonly window = WINDOW_CHARS,
    private readonly overlap = WINDOW_OVERLAP,
  ) {}

  get done(): boolean {
    return this.at >= this.text.length;
  }

  /** Scans windows until the text is done or `outOfTime()` (asked after each window); returns whether done. */
  step(outOfTime: () => boolean): boolean {
    while (!this.done) {
      this.scanWindow();
      if (outOfTime()) break;
    }
    return this.done;
  }

  private scanWindow(): void {
    const n = this.text.length;
    const start = this.at;
    const end = Math.min(n, start + this.window);
    const from = Math.max(0, start - this.overlap);
    const to = Math.min(n, end + this.overlap);
    for (const match of this.scan(this.text.slice(from, to))) {
      const at = match.start + from;
      if (at >= start && at < end) this.matches.push({ ...match, start: at, end: match.end + from });
    }
    this.at = end;
    this.windows += 1;
  }
}
