import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { CompiledPack } from '../engine/pack/compile';
import { checkText, readDraft, type Problem } from './check';
import { packsForCheck, watchPacks } from './pack';
import { InputError } from './usage';

// `claim-lens check` over many files: the main thread and worker threads take the files in
// turn from one shared counter, each with its own engine and packs, and the results come back
// in the order the files were named, so that the output is the one a single thread gives.
// Worker threads start only when the files are enough to pay for them (each loads the engine,
// the packs and the tagger: about a tenth of a second) and there are cores for them: a Node
// thread keeps about a second core busy with garbage collection and compilation, so there is
// one thread for every two cores (on a 2-core machine, 200 drafts took 10.8-15.0 s in two
// threads against 9.2-11.2 s in one, with 30 % more CPU). CLAIM_LENS_CHECK_THREADS sets the
// number of worker threads (0: none) where that guess is wrong. The main
// thread stays synchronous: it checks files itself, then collects what the workers sent with
// receiveMessageOnPort, waiting on the shared counter of workers done.

/** One file to check, as the command line named it. */
export interface FileToCheck {
  /** The path read (`-` for standard input, which the main thread reads and checks itself). */
  file: string;
  /** The name shown in the output. */
  name: string;
  /** The name that says what kind of draft it is. */
  kindOf: string;
}

export type FileOutcome = { problems: Problem[] } | { inputError: string };

export interface CheckSettings {
  packFiles: string[];
  withBundled: boolean;
  showAttributed: boolean;
}

interface WorkerSetup {
  claimLensCheck: true;
  files: FileToCheck[];
  settings: CheckSettings;
  /** [next file to take, workers done]. */
  counters: SharedArrayBuffer;
  port: MessagePort;
}

type WorkerMessage = { index: number; outcome: FileOutcome } | { budget: { packId: string; line: string } } | { failed: string };

/** Bytes of drafts that pay for one more thread. */
const BYTES_PER_THREAD = 256 * 1024;

/** The script a worker runs: the launcher of this bundle (which starts it with the code cache); none when run from the sources. */
function workerScript(): string | undefined {
  const launcher = join(__dirname, 'cli.js');
  return existsSync(launcher) ? launcher : undefined;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Worker threads the environment asks for (CLAIM_LENS_CHECK_THREADS), or undefined. */
function threadsAskedFor(): number | undefined {
  const asked = process.env.CLAIM_LENS_CHECK_THREADS;
  return asked !== undefined && /^\d{1,2}$/.test(asked) ? Number(asked) : undefined;
}

/**
 * How many worker threads to start for these files: as many as asked, or one for every two
 * cores beyond the first two and 256 KB of drafts; never more than there are files beside the
 * main thread's.
 */
export function workerCount(files: readonly FileToCheck[], cores = availableParallelism(), asked = threadsAskedFor()): number {
  const onDisk = files.filter((entry) => entry.file !== '-');
  if (asked !== undefined) return Math.max(0, Math.min(asked, onDisk.length - 1));
  const bytes = onDisk.reduce((sum, entry) => sum + sizeOf(entry.file), 0);
  return Math.max(0, Math.min(Math.floor(cores / 2) - 1, onDisk.length - 1, Math.floor(bytes / BYTES_PER_THREAD)));
}

function checkOne(entry: FileToCheck, packs: CompiledPack[], settings: CheckSettings): FileOutcome {
  try {
    return { problems: checkText(entry.name, readDraft(entry.file), packs, { showAttributed: settings.showAttributed, kindOf: entry.kindOf }) };
  } catch (error) {
    if (error instanceof InputError) return { inputError: error.message };
    throw error;
  }
}

/** Takes files from the shared counter until none is left. */
function takeFiles(files: readonly FileToCheck[], counters: Int32Array, check: (index: number) => void): void {
  for (let index = Atomics.add(counters, 0, 1); index < files.length; index = Atomics.add(counters, 0, 1)) check(index);
}

/**
 * Checks the files, in worker threads too when they pay; the outcomes in the order of `files`.
 * `packs` are the main thread's, loaded (and their problems said) before.
 */
export function checkFiles(files: FileToCheck[], packs: CompiledPack[], settings: CheckSettings, workers = workerCount(files)): FileOutcome[] {
  const outcomes: FileOutcome[] = new Array(files.length);
  const script = workerScript();
  // Standard input is read here, before anything else.
  const queue = files.map((entry, index) => ({ entry, index })).filter(({ entry, index }) => entry.file !== '-' || ((outcomes[index] = checkOne(entry, packs, settings)), false));
  if (!script || workers <= 0 || queue.length < 2) {
    for (const { entry, index } of queue) outcomes[index] = checkOne(entry, packs, settings);
    return outcomes;
  }

  const counters = new Int32Array(new SharedArrayBuffer(8));
  const onDisk = queue.map(({ entry }) => entry);
  const reported = new Set<string>();
  const budget = (packId: string, line: string) => {
    if (reported.has(packId)) return;
    reported.add(packId);
    process.stderr.write(line);
  };
  watchPacks(budget);
  // A port per worker, for what it sends back.
  const ports: MessagePort[] = [];
  const threads = Array.from({ length: workers }, () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    const setup: WorkerSetup = { claimLensCheck: true, files: onDisk, settings, counters: counters.buffer as SharedArrayBuffer, port: port2 };
    return new Worker(script, { workerData: setup, transferList: [port2] });
  });
  let failure: string | undefined;
  const receive = () => {
    for (const port of ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const sent = message.message as WorkerMessage;
        if ('index' in sent) outcomes[queue[sent.index].index] = sent.outcome;
        else if ('budget' in sent) budget(sent.budget.packId, sent.budget.line);
        else failure ??= sent.failed;
      }
    }
  };
  takeFiles(onDisk, counters, (i) => {
    outcomes[queue[i].index] = checkOne(onDisk[i], packs, settings);
    receive();
  });
  for (let done = Atomics.load(counters, 1); done < workers; done = Atomics.load(counters, 1)) {
    Atomics.wait(counters, 1, done, 1000);
    receive();
  }
  receive();
  for (const thread of threads) void thread.terminate();
  for (const port of ports) port.close();
  if (failure) throw new Error(`a worker thread failed: ${failure}`);
  return outcomes;
}

/** Whether this thread is a worker started by `checkFiles`. */
export const isCheckWorker = (): boolean => !isMainThread && Boolean((workerData as Partial<WorkerSetup> | null)?.claimLensCheck);

/** A worker thread's work: load the packs, then check files from the shared counter and send each outcome back. */
export function runCheckWorker(): void {
  const { files, settings, counters: shared, port } = workerData as WorkerSetup;
  const counters = new Int32Array(shared);
  try {
    watchPacks((packId, line) => port.postMessage({ budget: { packId, line } } satisfies WorkerMessage));
    const packs = packsForCheck(settings.packFiles, settings.withBundled, true);
    if (!packs) throw new Error('the packs did not load');
    takeFiles(files, counters, (index) => port.postMessage({ index, outcome: checkOne(files[index], packs, settings) } satisfies WorkerMessage));
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage);
  } finally {
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  }
}
