import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
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
// the packs and the tagger: about a tenth of a second) and there are cores for them. A Node
// thread keeps part of a second core busy with garbage collection and compilation, so by
// the machine's size alone there is one thread for every two cores; beyond that, the main
// thread looks at what the cores did while it loaded and started checking, and starts a
// thread for each core the machine left idle (on an idle 2-core machine, 200 drafts in
// 1.53-1.64 s against 1.75-1.81 s in one thread; with another process keeping a core busy,
// no thread starts and the check takes what it takes in one). CLAIM_LENS_CHECK_THREADS sets
// the number of worker threads (0: none) where those guesses are wrong. The main
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
 * The cores a CPU quota lets this process use, when one is set (a container's cgroup: v2's
 * `cpu.max`, "150000 100000" for one and a half cores, or v1's CFS quota and period). The
 * cores' idle time is the machine's, which a quota smaller than the machine does not show.
 */
export function quotaCores(read: (file: string) => string | undefined = readOrUndefined): number | undefined {
  const v2 = read('/sys/fs/cgroup/cpu.max')?.trim().split(/\s+/);
  if (v2 && v2.length === 2 && v2[0] !== 'max' && Number(v2[1]) > 0) return Number(v2[0]) / Number(v2[1]);
  const quota = Number(read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us'));
  const period = Number(read('/sys/fs/cgroup/cpu/cpu.cfs_period_us'));
  return quota > 0 && period > 0 ? quota / period : undefined;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The cores this process may run on: the machine's, or fewer under a CPU quota. */
function usableCores(): number {
  const quota = quotaCores();
  return quota === undefined ? availableParallelism() : Math.max(1, Math.min(availableParallelism(), Math.floor(quota)));
}

/** Busy and idle time of the machine's cores so far (milliseconds, all cores summed), and when it was read. */
interface CoreTimes {
  at: number;
  idle: number;
}

function coreTimes(): CoreTimes {
  let idle = 0;
  for (const core of cpus()) idle += core.times.idle;
  return { at: performance.now(), idle };
}

/**
 * The cores' times when the command line started (read by the launcher, server/src/launcher.ts,
 * or else when this module was loaded): the main thread's window onto what else the machine runs.
 */
const timesAtLoad = isMainThread ? ((globalThis as Record<symbol, unknown>)[Symbol.for('claim-lens.coreTimesAtStart')] as CoreTimes | undefined) ?? coreTimes() : undefined;

/**
 * How long the main thread works (from its start: loading, the packs, listing the drafts, on a
 * slower machine its first drafts) before it looks at the cores: the kernel counts idle time in
 * ticks of 10 ms, so a shorter look is too coarse.
 */
const IDLE_LOOK_MS = 60;
/** The share of a core left idle that counts as a core to spare. */
const SPARE_CORE = 0.6;

/**
 * Worker threads for the cores the machine left idle while the main thread worked (`idleCores`,
 * in cores: 1 means one core did nothing): one for each spare core, never more than one for
 * every two cores nor than the drafts left pay for (`workerCount`'s 256 KB a thread).
 */
export function workersForIdleCores(idleCores: number, cores: number, filesLeft: number, bytesLeft: number): number {
  const spare = Math.floor(idleCores + 1 - SPARE_CORE);
  return Math.max(0, Math.min(spare, Math.max(1, Math.floor(cores / 2)), filesLeft - 1, Math.floor(bytesLeft / BYTES_PER_THREAD)));
}

/**
 * Checks the files, in worker threads too when they pay; the outcomes in the order of `files`.
 * `packs` are the main thread's, loaded (and their problems said) before. Unless the number of
 * threads is given (or asked for by CLAIM_LENS_CHECK_THREADS), the main thread starts checking
 * and, once it has worked long enough to tell, starts a thread for each core the machine left
 * idle meanwhile: on an idle 2-core machine a second thread checks 200 drafts 10–15 % faster,
 * and where another process keeps that core busy it only slows the check down.
 */
export function checkFiles(files: FileToCheck[], packs: CompiledPack[], settings: CheckSettings, workers = workerCount(files)): FileOutcome[] {
  const outcomes: FileOutcome[] = new Array(files.length);
  const script = workerScript();
  // Standard input is read here, before anything else.
  const queue = files.map((entry, index) => ({ entry, index })).filter(({ entry, index }) => entry.file !== '-' || ((outcomes[index] = checkOne(entry, packs, settings)), false));
  const cores = usableCores();
  const lookAtIdleCores = threadsAskedFor() === undefined && timesAtLoad !== undefined && cores > 1;
  if (!script || queue.length < 2 || (workers <= 0 && !lookAtIdleCores)) {
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
  const threads: Worker[] = [];
  const startThreads = (count: number) => {
    for (let k = 0; k < count; k++) {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1);
      const setup: WorkerSetup = { claimLensCheck: true, files: onDisk, settings, counters: counters.buffer as SharedArrayBuffer, port: port2 };
      threads.push(new Worker(script, { workerData: setup, transferList: [port2] }));
    }
  };
  startThreads(workers);
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
  let looked = !lookAtIdleCores || workers > 0;
  const lookAtIdleCoresOnce = () => {
    if (looked || performance.now() - timesAtLoad!.at < IDLE_LOOK_MS) return;
    looked = true;
    const now = coreTimes();
    const taken = Math.min(onDisk.length, Atomics.load(counters, 0));
    const bytesLeft = onDisk.slice(taken).reduce((sum, entry) => sum + sizeOf(entry.file), 0);
    startThreads(workersForIdleCores(Math.min(cores - 1, (now.idle - timesAtLoad!.idle) / (now.at - timesAtLoad!.at)), cores, onDisk.length - taken, bytesLeft));
  };
  lookAtIdleCoresOnce();
  takeFiles(onDisk, counters, (i) => {
    outcomes[queue[i].index] = checkOne(onDisk[i], packs, settings);
    lookAtIdleCoresOnce();
    receive();
  });
  for (let done = Atomics.load(counters, 1); done < threads.length; done = Atomics.load(counters, 1)) {
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
