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
// Between slices the event loop first reads what has arrived (the next slice waits on a
// timer, which comes after I/O), and a message handled meanwhile has its reply written
// before the next slice starts (`afterMessage`): the protocol library writes replies on
// the following turn of the loop.

/** Short enough that a request waits little even on a machine busy with other work. */
export const SLICE_MS = 5;

interface Job {
  document: TextDocument;
  steps: Generator<void, Draft, void>;
  finished: Promise<void>;
  settle: () => void;
}

export class CheckScheduler {
  /** Checks under way, by document, in the order their next slices run. */
  private readonly running = new Map<string, Job>();
  private timer: NodeJS.Timeout | undefined;
  private deferred = false;

  constructor(
    /** The check of a document, in steps. */
    private readonly stepsOf: (document: TextDocument) => Generator<void, Draft, void>,
    /** Called with each finished check. */
    private readonly finished: (draft: Draft) => void,
    /** Called when a step throws; the check ends there. */
    private readonly failed: (document: TextDocument, error: unknown) => void,
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

  /** Resolves once no check of the document is running (the newest one included). */
  async settled(uri: string): Promise<void> {
    for (let job = this.running.get(uri); job; job = this.running.get(uri)) await job.finished;
  }

  /** A protocol message was just handled: the next slice waits until its reply is written. */
  afterMessage(): void {
    if (!this.timer || this.deferred) return;
    clearTimeout(this.timer);
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
    if (this.timer || this.deferred || !this.running.size) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, 0);
  }

  /** One slice of the check that waited longest, then the next turn. */
  private pump(): void {
    const [job] = this.running.values();
    if (!job) return;
    if (!this.slice(job)) {
      // Round robin: the other documents' checks go next.
      this.running.delete(job.document.uri);
      this.running.set(job.document.uri, job);
    }
    this.schedule();
  }

  /** Runs a job for one slice; true when it ended (finished or failed). */
  private slice(job: Job): boolean {
    const deadline = performance.now() + SLICE_MS;
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
        if (performance.now() >= deadline) return false;
      }
    } catch (error) {
      this.running.delete(uri);
      job.settle();
      this.failed(job.document, error);
      return true;
    }
  }
}
