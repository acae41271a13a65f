// Runs page work in short slices so the page never janks: each slice stops after a few
// milliseconds and the rest continues in a fresh task, letting input and frames through in between
// (uBlock Origin's approach). Nothing runs while there is nothing queued.

export interface SchedulerOptions {
  /** Longest a slice may run, in ms. */
  budgetMs?: number;
  /** How a slice hands control back to the browser before the next one. */
  yieldToBrowser?: (next: () => void) => void;
  /**
   * After this much back-to-back work (ms), wait for a frame before going on: browsers may put
   * rendering off while tasks keep coming, and a page must keep painting while it is read.
   */
  frameEveryMs?: number;
  /** How to wait for the next frame (tests pass a timer). */
  waitForFrame?: (next: () => void) => void;
  now?: () => number;
  /** Called with errors thrown by the work, which is then stopped. */
  onError?: (error: unknown) => void;
}

/** Does one slice of work; returns true when nothing is left to do. */
export type SliceWork = (outOfTime: () => boolean) => boolean;

/** A fresh task without the 4 ms clamp nested timers get. */
export function macrotask(): (next: () => void) => void {
  if (typeof MessageChannel === 'function' && typeof window !== 'undefined') {
    const channel = new MessageChannel();
    const queue: (() => void)[] = [];
    channel.port1.onmessage = () => queue.shift()?.();
    return (next) => {
      queue.push(next);
      channel.port2.postMessage(null);
    };
  }
  return (next) => setTimeout(next, 0);
}

/** The next animation frame, or a timer where frames do not come (background tabs). */
export function nextFrame(next: () => void): void {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    next();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(once, 100);
}

export class SliceScheduler {
  private scheduled = false;
  private stopped = false;
  private readonly budgetMs: number;
  private readonly yieldToBrowser: (next: () => void) => void;
  private readonly now: () => number;
  private readonly frameEveryMs: number;
  private readonly waitForFrame: (next: () => void) => void;
  /** When the current run of back-to-back slices began (reset after each frame). */
  private streakStart = -1;
  /** Total time spent in slices, for the benchmark and for tests. */
  busyMs = 0;
  slices = 0;
  longestSliceMs = 0;

  constructor(
    private readonly work: SliceWork,
    private readonly options: SchedulerOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 6;
    this.yieldToBrowser = options.yieldToBrowser ?? macrotask();
    this.now = options.now ?? (() => performance.now());
    this.frameEveryMs = options.frameEveryMs ?? 48;
    this.waitForFrame = options.waitForFrame ?? nextFrame;
  }

  /** Makes sure a slice will run soon. Cheap to call many times. */
  wake(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    if (this.streakStart >= 0 && this.now() - this.streakStart >= this.frameEveryMs) {
      this.streakStart = -1;
      this.waitForFrame(() => this.run());
    } else {
      this.yieldToBrowser(() => this.run());
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private run(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const start = this.now();
    if (this.streakStart < 0) this.streakStart = start;
    const deadline = start + this.budgetMs;
    let done = true;
    try {
      done = this.work(() => this.now() >= deadline);
    } catch (error) {
      this.stopped = true;
      this.options.onError?.(error);
      return;
    }
    const spent = this.now() - start;
    this.busyMs += spent;
    this.slices += 1;
    if (spent > this.longestSliceMs) this.longestSliceMs = spent;
    if (done) this.streakStart = -1;
    else this.wake();
  }
}
