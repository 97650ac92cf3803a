import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Draft } from './drafts';

// Checks run in slices of a few milliseconds, one analysed block after another, with the
// event loop free between them: a long draft never holds up a hover, a code action or a
// keystroke in another document. A check's first slice runs at once, so a short draft (or
// a keystroke's re-analysis) is done before the change notification returns, as before. A
// newer version of a document takes over from a check still running (the analyser keeps
// what was done), and requests on a document wait for its check to finish, so that they
// always see the analysis of the text they point into.
//
// Between slices the event loop reads what has arrived (the next slice is queued with
// setImmediate, which runs after the loop has polled for I/O, with no timer's millisecond
// of idling), and a message handled meanwhile has its reply written before the next slice
// starts (`afterMessage`): the protocol library writes replies on the following turn of
// the loop.
//
// Work nobody waits for (the warm-up after start) runs in short slices, only while no
// check is under way. After every step of a check that is not done, the host is told
// (`progress`, with whether the slice is over): it can publish what it has so far (the part
// of the draft on screen), and the slice then ends, so that what the client does next (the
// keystroke after the one just shown) is read at once.

/** Short enough that a request waits little even on a machine busy with other work. */
export const SLICE_MS = 5;
/**
 * Slices of a check whose part on screen is published, and of background work: what is left
 * is not what the reporter looks at, and a keystroke arriving meanwhile waits less.
 */
export const SHORT_SLICE_MS = 2;

interface Job {
  document: TextDocument;
  steps: Generator<void, Draft, void>;
  finished: Promise<void>;
  settle: () => void;
  /** The host published part of it (the part on screen): the rest goes on in short slices. */
  shown?: boolean;
}

export class CheckScheduler {
  /** Checks under way, by document, in the order their next slices run. */
  private readonly running = new Map<string, Job>();
  private timer: NodeJS.Immediate | undefined;
  private deferred = false;
  /** Work to do while no check runs, in steps, in the order given. */
  private readonly background: Array<{ steps: Generator<void, void, void>; failed: (error: unknown) => void }> = [];

  constructor(
    /** The check of a document, in steps. */
    private readonly stepsOf: (document: TextDocument) => Generator<void, Draft, void>,
    /** Called with each finished check. */
    private readonly finished: (draft: Draft) => void,
    /** Called when a step throws; the check ends there. */
    private readonly failed: (document: TextDocument, error: unknown) => void,
    /** Called after each step of a check that is not done; `sliceOver` when the slice ends there. True: it published something, end the slice. */
    private readonly progress: (document: TextDocument, sliceOver: boolean) => boolean = () => false,
  ) {}

  check(document: TextDocument): void {
    this.cancel(document.uri);
    let settle!: () => void;
    const finished = new Promise<void>((resolve) => (settle = resolve));
    const job: Job = { document, steps: this.stepsOf(document), finished, settle };
    this.running.set(document.uri, job);
    if (!this.slice(job)) this.schedule();
  }

  /** Leaves the running check of a document, if any (its analyser keeps what was done). */
  cancel(uri: string): void {
    const job = this.running.get(uri);
    if (!job) return;
    this.running.delete(uri);
    try {
      job.steps.return(undefined as never);
    } finally {
      job.settle();
    }
  }

  /** Runs `steps` a slice at a time while no check is under way, after any work given before; `failed` is told if a step throws (the work ends there). */
  whenIdle(steps: Generator<void, void, void>, failed: (error: unknown) => void): void {
    this.background.push({ steps, failed });
    this.schedule();
  }

  /** Whether a check is under way. */
  get checking(): boolean {
    return this.running.size > 0;
  }

  /** Resolves once no check of the document is running (the newest one included). */
  async settled(uri: string): Promise<void> {
    for (let job = this.running.get(uri); job; job = this.running.get(uri)) await job.finished;
  }

  /** A protocol message was just handled: the next slice waits until its reply is written. */
  afterMessage(): void {
    if (!this.timer || this.deferred) return;
    clearImmediate(this.timer);
    this.timer = undefined;
    this.deferred = true;
    // The reply is queued with setImmediate during this turn or its microtasks; two hops
    // put the next slice behind it.
    setImmediate(() =>
      setImmediate(() => {
        this.deferred = false;
        this.pump();
      }),
    );
  }

  private schedule(): void {
    if (this.timer || this.deferred || (!this.running.size && !this.background.length)) return;
    if (!this.running.size) {
      // Background work only: one turn of the loop first. The protocol library handles one
      // message per turn (setImmediate), so that of two messages read together (initialized
      // and the didOpen right after it) the second would otherwise wait behind the next
      // background slice, whose step (a block of the warm-up's sample draft, cold) can take
      // 20 ms.
      this.timer = setImmediate(() => {
        this.timer = setImmediate(() => {
          this.timer = undefined;
          this.pump();
        });
      });
      return;
    }
    this.timer = setImmediate(() => {
      this.timer = undefined;
      this.pump();
    });
  }

  /** One slice of the check that waited longest (or of the background work when none runs), then the next turn. */
  private pump(): void {
    const [job] = this.running.values();
    if (!job) {
      this.backgroundSlice();
      this.schedule();
      return;
    }
    if (!this.slice(job)) {
      // Round robin: the other documents' checks go next.
      this.running.delete(job.document.uri);
      this.running.set(job.document.uri, job);
    }
    this.schedule();
  }

  private backgroundSlice(): void {
    const deadline = performance.now() + SHORT_SLICE_MS;
    while (this.background.length && performance.now() < deadline) {
      const { steps, failed } = this.background[0];
      let done = false;
      try {
        do done = Boolean(steps.next().done);
        while (!done && performance.now() < deadline);
      } catch (error) {
        failed(error);
        done = true;
      }
      if (done) this.background.shift();
    }
  }

  /** Runs a job for one slice; true when it ended (finished or failed). */
  private slice(job: Job): boolean {
    const deadline = performance.now() + (job.shown ? SHORT_SLICE_MS : SLICE_MS);
    const { uri } = job.document;
    try {
      for (;;) {
        const step = job.steps.next();
        if (step.done) {
          this.running.delete(uri);
          job.settle();
          this.finished(step.value);
          return true;
        }
        const sliceOver = performance.now() >= deadline;
        if (this.progress(job.document, sliceOver)) {
          job.shown = true;
          return false;
        }
        if (sliceOver) return false;
      }
    } catch (error) {
      this.running.delete(uri);
      job.settle();
      this.failed(job.document, error);
      return true;
    }
  }
}
