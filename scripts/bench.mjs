#!/usr/bin/env node
// `npm run bench`: how fast Claim Lens is at 1,000, 10,000 and 100,000 words.
//
// In the same run and on the same generated drafts it measures
//   - the engine in process: a full check (words per second) and the re-analysis after
//     each keystroke while a word is typed letter by letter;
//   - cspell-lib spell-checking the same draft, and the ratio of our full check to it;
//   - the language server end to end, as an editor drives it over stdio: start-up, open →
//     first diagnostics, keystroke → diagnostics for that version, hover, peak memory;
//   - the cost of loading the VS Code client bundle;
//   - spawn → first diagnostics: a fresh server process, a 300-word draft opened as soon as
//     it is initialised, until its diagnostics arrive (what a reporter waits for on opening
//     a file in a new window);
//   - the command line over a folder of 200 drafts (800 pages of 250 words), pages a second,
//     beside cspell-lib spell-checking the same files in a process of its own.
// It prints a table (or JSON with --json), then each of issue 14's minimums that the run
// measured with its figure and whether it is met, and writes a latency-vs-size chart (SVG).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const USAGE = `Usage: node scripts/bench.mjs [--sizes 1000,10000,100000] [--edits 100] [--untimed 0]
                               [--starts 7] [--only sizes,start,cli] [--json] [--svg FILE | --no-svg]

Run after \`npm run build\` (\`npm run bench\` does both). --edits is the number of keystrokes
timed per size, in process and through the language server; --untimed the keystrokes typed
into the server before those, once the open check has ended, and not timed (the first ones
after a long draft's open pay for its garbage and for optimising code); --starts the number of fresh
servers timed from spawn to the first diagnostics of a 300-word draft. --only runs some
parts: sizes (engine, cspell-lib and language server per size), start, cli (200 drafts).
The chart goes to docs/performance.svg unless --svg names another file or --no-svg is given
(it needs the sizes part).`;

const PARTS = ['sizes', 'start', 'cli'];

class UsageError extends Error {}

function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      edits: { type: 'string', default: '100' },
      untimed: { type: 'string', default: '0' },
      starts: { type: 'string', default: '7' },
      only: { type: 'string', default: PARTS.join(',') },
      json: { type: 'boolean', default: false },
      svg: { type: 'string', default: join(ROOT, 'docs', 'performance.svg') },
      'no-svg': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  const sizes = values.sizes.split(',').map((part) => Number(part.trim()));
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 100 || n > 1_000_000)) {
    throw new UsageError(`--sizes takes word counts between 100 and 1,000,000, comma-separated (got "${values.sizes}")`);
  }
  const edits = Number(values.edits);
  if (!Number.isInteger(edits) || edits < 10 || edits > 10_000) throw new UsageError(`--edits takes a whole number from 10 to 10,000 (got "${values.edits}")`);
  const untimed = Number(values.untimed);
  if (!Number.isInteger(untimed) || untimed < 0 || untimed > 10_000) throw new UsageError(`--untimed takes a whole number from 0 to 10,000 (got "${values.untimed}")`);
  const starts = Number(values.starts);
  if (!Number.isInteger(starts) || starts < 1 || starts > 100) throw new UsageError(`--starts takes a whole number from 1 to 100 (got "${values.starts}")`);
  const parts = new Set(values.only.split(',').map((part) => part.trim()));
  const unknown = [...parts].find((part) => !PARTS.includes(part));
  if (unknown !== undefined) throw new UsageError(`--only takes parts among ${PARTS.join(', ')} (got "${unknown}")`);
  const svg = values['no-svg'] || !parts.has('sizes') ? null : resolve(values.svg);
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), edits, untimed, starts, parts, json: values.json, svg };
}

// ---------------------------------------------------------------- drafts

// mulberry32: small, fast and deterministic, so every run measures the same drafts.
function makeRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { int, pick: (list) => list[int(list.length)] };
}

const SUBJECTS = ['The city council', 'The transport authority', 'A spokeswoman for the hospital', 'The school district', 'The statistics office', 'Organisers of the festival', 'The fire brigade', 'A group of tenants', 'The harbour board', 'The university library'];
const ACTIONS = ['approved', 'postponed a vote on', 'published new figures on', 'announced a review of', 'raised concerns about', 'set aside funds for', 'welcomed', 'presented plans for'];
const OBJECTS = ['the housing scheme', 'the new tram line', "next summer's festival", 'the water treatment plant', 'winter road maintenance', 'the regional budget', 'rural bus services', 'school meal prices'];
const WHEN = ['on Monday', 'late on Wednesday', 'last week', 'earlier this month', 'after a long debate', 'at its monthly session'];
const QUOTES = ['We have listened carefully to residents', 'The numbers speak for themselves', 'There is still a lot to do', 'We expect the work to finish on schedule'];
const SPEAKERS = ['the mayor', 'a council member', 'the project manager', 'one resident'];
const FACTS = ['The meeting was open to the public.', 'Attendance was higher than last year.', 'A final decision is expected next month.', 'Traffic was diverted for several hours.', 'The report runs to 140 pages.'];
const SECTIONS = ['City hall', 'Transport', 'Moscow', 'Schools', 'Analysis', 'Health'];
const TYPED_WORDS = ['local', 'council', 'budget', 'weekly', 'harbour', 'report', 'evening', 'public'];

function neutralSentence(random) {
  switch (random.int(12)) {
    case 0:
    case 1:
    case 2:
    case 3: return `${random.pick(SUBJECTS)} ${random.pick(ACTIONS)} ${random.pick(OBJECTS)} ${random.pick(WHEN)}.`;
    case 4:
    case 5:
    case 6: return `"${random.pick(QUOTES)}," ${random.pick(SPEAKERS)} said.`;
    // Now and then some Markdown, so that the parser's path is measured too.
    case 7: return `${random.pick(SUBJECTS)} ${random.pick(ACTIONS)} *${random.pick(OBJECTS)}*, according to [the minutes](https://example.com/minutes).`;
    default: return random.pick(FACTS);
  }
}

/** Sentences about the story, attributed or not, from the project's labelled fixtures. */
function storySentences() {
  const sentences = [];
  for (const line of readFileSync(join(ROOT, 'test', 'fixtures', 'claims.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { text } = JSON.parse(line);
    if (typeof text === 'string' && !text.includes('\n')) sentences.push(text);
  }
  if (!sentences.length) throw new Error('test/fixtures/claims.jsonl has no sentences to build drafts from');
  return sentences;
}

/**
 * A Markdown news draft of about `words` words: sections, paragraphs of neutral copy with
 * a sentence about the story every few paragraphs, now and then a list.
 */
function makeDraft(words, story, seed = 1) {
  const random = makeRandom(seed);
  const lines = ['# Draft: the week in review', ''];
  let count = 6;
  let paragraphs = 0;
  while (count < words) {
    if (paragraphs > 0 && paragraphs % 12 === 0) lines.push(`## ${random.pick(SECTIONS)}`, '');
    if (paragraphs % 20 === 19) {
      const items = [`${random.pick(SUBJECTS)} said:`, '', `- ${neutralSentence(random)}`, `- ${random.pick(story)}`];
      lines.push(...items, '');
      count += items.join(' ').split(/\s+/).length;
    } else {
      const sentences = Array.from({ length: 3 + random.int(4) }, () => neutralSentence(random));
      if (paragraphs % 4 === 2) sentences.splice(random.int(sentences.length + 1), 0, random.pick(story));
      const paragraph = sentences.join(' ');
      lines.push(paragraph, '');
      count += paragraph.split(/\s+/).length;
    }
    paragraphs++;
  }
  return { lines, words: count };
}

/** Keystrokes that type a word letter by letter at a word boundary of a random paragraph, again and again. */
function* keystrokes(lines, random) {
  const paragraphs = lines.flatMap((line, index) => (line && /^[A-Z"]/.test(line) ? [index] : []));
  for (;;) {
    const line = random.pick(paragraphs);
    const boundaries = [...lines[line].matchAll(/ /g)].map((m) => m.index + 1);
    let character = boundaries.length ? random.pick(boundaries) : 0;
    for (const letter of `${random.pick(TYPED_WORDS)} `) {
      yield { line, character, text: letter };
      character++;
    }
  }
}

// ---------------------------------------------------------------- statistics

const median = (values) => percentile(values, 0.5);
function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}
const summary = (values) => ({ p50: round(median(values)), p95: round(percentile(values, 0.95)), max: round(Math.max(...values)), n: values.length });
const round = (value, digits = 2) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

// Wall time is what a reporter feels, but on a busy machine it also counts other processes.
// CPU time (of this process, or of the server from /proc) is reported beside it.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU time a process has used so far, in ms (Linux /proc; null elsewhere). */
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
// USER_HZ, the unit of /proc/<pid>/stat times; 100 on every mainstream Linux build.
const CLOCK_TICKS = 100;

// ---------------------------------------------------------------- engine, in process

/** The engine bundled the way scripts/build.mjs bundles the server (same esbuild settings). */
async function loadEngine(scratch) {
  const { build } = await import('esbuild');
  const outfile = join(scratch, 'engine.cjs');
  await build({
    stdin: {
      contents: [
        "export { analyzeText, DraftAnalyzer } from './server/src/engine/analysis/document';",
        "export { bundledPack } from './server/src/host/bundled';",
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'bench-engine.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minifySyntax: true,
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    // The bundle is written outside the repository; the pack is found from the sources.
    define: { __dirname: JSON.stringify(join(ROOT, 'server', 'src', 'host')) },
  });
  return require(outfile);
}

function timeEngine(engine, pack, draft, repeats, edits) {
  const text = draft.lines.join('\n');
  const full = [];
  const fullCpu = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    const startedCpu = cpuMs();
    engine.analyzeText(text, [pack]);
    full.push(performance.now() - started);
    fullCpu.push(cpuMs() - startedCpu);
  }
  const gc = globalThis.gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const analyzer = new engine.DraftAnalyzer([pack], { syntax: 'markdown', maxChars: Number.MAX_SAFE_INTEGER });
  const first = analyzer.update(text);
  gc?.();
  const retainedMb = gc ? (process.memoryUsage().heapUsed - heapBefore) / 1048576 : null;

  const lines = [...draft.lines];
  const typing = keystrokes(lines, makeRandom(7));
  const latencies = [];
  const cpu = [];
  let analysedBlocks = 0;
  for (let i = 0; i < edits; i++) {
    const edit = typing.next().value;
    lines[edit.line] = lines[edit.line].slice(0, edit.character) + edit.text + lines[edit.line].slice(edit.character);
    const edited = lines.join('\n');
    const started = performance.now();
    const startedCpu = cpuMs();
    const snapshot = analyzer.update(edited);
    latencies.push(performance.now() - started);
    cpu.push(cpuMs() - startedCpu);
    analysedBlocks += snapshot.analysedBlocks;
  }
  const fullMs = median(full);
  const fullCpuMs = median(fullCpu);
  return {
    fullMs: round(fullMs, 1),
    fullCpuMs: round(fullCpuMs, 1),
    wordsPerSecond: Math.round(draft.words / (fullMs / 1000)),
    wordsPerCpuSecond: Math.round(draft.words / (fullCpuMs / 1000)),
    findings: first.findings.length,
    blocks: first.blocks.length,
    retainedHeapMb: round(retainedMb, 1),
    keystroke: summary(latencies),
    keystrokeCpu: summary(cpu),
    blocksPerKeystroke: round(analysedBlocks / edits),
  };
}

// ---------------------------------------------------------------- cspell-lib, in process

async function loadCspell() {
  const { spellCheckDocument } = await import('cspell-lib');
  const check = (text, name) =>
    spellCheckDocument({ uri: pathToFileURL(join(ROOT, `${name}.md`)).href, text, languageId: 'markdown', locale: 'en' }, { generateSuggestions: false, noConfigSearch: true }, {});
  const started = performance.now();
  await check('Warm the dictionaries up.', 'warm-up');
  return { check, coldStartMs: round(performance.now() - started, 0) };
}

async function timeCspell(cspell, draft, repeats) {
  const text = draft.lines.join('\n');
  const times = [];
  const cpu = [];
  let issues = 0;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    const startedCpu = cpuMs();
    const result = await cspell.check(text, `draft-${draft.words}`);
    times.push(performance.now() - started);
    cpu.push(cpuMs() - startedCpu);
    issues = result.issues.length;
  }
  return { fullMs: round(median(times), 1), fullCpuMs: round(median(cpu), 1), issues };
}

// ---------------------------------------------------------------- language server, over stdio

// The server's environment as the VS Code client gives it (client/src/serverEnvironment.ts):
// without NODE_EXTRA_CA_CERTS, which costs every Node process that has it about 90 ms of CPU
// at start.
const SERVER_LEFT_OUT = ['NODE_EXTRA_CA_CERTS'];
const serverEnvironment = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !SERVER_LEFT_OUT.includes(name)));

async function startServer() {
  const protocol = await import('vscode-languageserver-protocol/node');
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: serverEnvironment() });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  const exited = new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const lastPublished = new Map();
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    const key = `${params.uri}@${params.version}`;
    lastPublished.set(key, params.diagnostics);
    waiters.get(key)?.(params.diagnostics);
    waiters.delete(key);
  });
  // The status notification ends a check: a long draft's first check publishes the part on
  // screen first, then the whole draft.
  const checked = new Map();
  connection.onNotification('claimLens/status', (params) => {
    const key = `${params.uri}@${params.version}`;
    checked.get(key)?.();
    checked.delete(key);
  });
  connection.listen();
  const died = exited.then((code) => {
    throw new Error(`the language server exited (code ${code}) during the benchmark:\n${stderr.trim()}`);
  });
  died.catch(() => {});
  const within = (promise, ms, what) =>
    Promise.race([promise, died, new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms).unref())]);

  await within(connection.sendRequest(protocol.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } } }), 30_000, 'initialize answer');
  connection.sendNotification(protocol.InitializedNotification.type, {});
  const startupMs = performance.now() - started;
  const startupCpuMs = processCpuMs(child.pid);

  return {
    spawnedAt: started,
    startupMs,
    startupCpuMs,
    pid: child.pid,
    /**
     * Sends a notification and resolves with the time until the first diagnostics for
     * uri@version arrive, and until its check ends (`doneMs`, with the last diagnostics).
     */
    async timed(send, uri, version, timeoutMs) {
      const key = `${uri}@${version}`;
      const published = new Promise((resolveDiagnostics) => waiters.set(key, resolveDiagnostics));
      const done = new Promise((resolveDone) => checked.set(key, resolveDone));
      const t0 = performance.now();
      send();
      const diagnostics = await within(published, timeoutMs, `diagnostics for version ${version}`);
      const ms = performance.now() - t0;
      await within(done, timeoutMs, `the end of the check of version ${version}`);
      const doneMs = performance.now() - t0;
      const lastDiagnostics = lastPublished.get(key);
      lastPublished.delete(key);
      return { ms, doneMs, diagnostics, lastDiagnostics };
    },
    open: (params) => connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, params),
    change: (params) => connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, params),
    hover: (params) => within(connection.sendRequest(protocol.HoverRequest.type, params), 10_000, 'hover answer'),
    async stop() {
      try {
        await within(connection.sendRequest(protocol.ShutdownRequest.type), 5_000, 'shutdown answer');
        connection.sendNotification(protocol.ExitNotification.type);
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000).unref())]);
      } finally {
        connection.dispose();
        if (child.exitCode === null) child.kill();
      }
    },
  };
}

/** Peak and current resident memory of a process (Linux /proc), in MB; null elsewhere. */
function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { peakRssMb: round(kb('VmHWM') / 1024, 1), rssMb: round(kb('VmRSS') / 1024, 1) };
  } catch {
    return { peakRssMb: null, rssMb: null };
  }
}

async function timeServer(draft, edits, untimed = 0) {
  const server = await startServer();
  try {
    const uri = `file:///bench/draft-${draft.words}.md`;
    const lines = [...draft.lines];
    const cpuBeforeOpen = processCpuMs(server.pid);
    const opened = await server.timed(() => server.open({ textDocument: { uri, languageId: 'markdown', version: 1, text: lines.join('\n') } }), uri, 1, 120_000);
    const typing = keystrokes(lines, makeRandom(7));
    const latencies = [];
    const publishBytes = [];
    let diagnostics = opened.lastDiagnostics;
    const cpuAfterOpen = processCpuMs(server.pid);
    let cpuBeforeEdits = cpuAfterOpen;
    for (let version = 2; version < edits + untimed + 2; version++) {
      if (version === untimed + 2) cpuBeforeEdits = processCpuMs(server.pid);
      const edit = typing.next().value;
      lines[edit.line] = lines[edit.line].slice(0, edit.character) + edit.text + lines[edit.line].slice(edit.character);
      const position = { line: edit.line, character: edit.character };
      const change = { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: edit.text }] };
      const answer = await server.timed(() => server.change(change), uri, version, 10_000);
      diagnostics = answer.lastDiagnostics;
      if (version < untimed + 2) continue;
      latencies.push(answer.ms);
      publishBytes.push(Buffer.byteLength(JSON.stringify({ uri, version, diagnostics })));
    }
    const cpuAfterEdits = processCpuMs(server.pid);
    const hovers = [];
    for (const diagnostic of diagnostics.slice(0, 40)) {
      const started = performance.now();
      await server.hover({ textDocument: { uri }, position: diagnostic.range.start });
      hovers.push(performance.now() - started);
    }
    return {
      startupMs: round(server.startupMs, 0),
      startupCpuMs: round(server.startupCpuMs, 0),
      openMs: round(opened.ms, 1),
      openAllMs: round(opened.doneMs, 1),
      openCpuMs: cpuBeforeOpen === null ? null : round(cpuAfterOpen - cpuBeforeOpen, 0),
      diagnostics: opened.lastDiagnostics.length,
      publishKb: round(median(publishBytes) / 1024, 1),
      keystroke: summary(latencies),
      keystrokeCpuMeanMs: cpuBeforeEdits === null ? null : round((cpuAfterEdits - cpuBeforeEdits) / edits, 1),
      hoverP95Ms: round(percentile(hovers, 0.95)),
      ...processMemory(server.pid),
    };
  } finally {
    await server.stop();
  }
}

/**
 * A fresh server each time, a short draft opened as soon as it is initialised: the time from
 * spawning the process to the draft's first diagnostics, which covers Node's start, loading
 * the bundle, the pack and the tagger, and the check itself.
 */
async function timeFirstDiagnostics(draft, starts) {
  const runs = [];
  for (let run = 0; run < starts; run++) {
    const server = await startServer();
    try {
      const uri = `file:///bench/start-${run}.md`;
      const opened = await server.timed(() => server.open({ textDocument: { uri, languageId: 'markdown', version: 1, text: draft.lines.join('\n') } }), uri, 1, 60_000);
      runs.push({ ms: performance.now() - server.spawnedAt, initializeMs: server.startupMs, cpuMs: processCpuMs(server.pid), diagnostics: opened.diagnostics.length, ...processMemory(server.pid) });
    } finally {
      await server.stop();
    }
  }
  const ms = runs.map((run) => run.ms);
  return {
    words: draft.words,
    runs: runs.length,
    ms: round(median(ms), 0),
    minMs: round(Math.min(...ms), 0),
    maxMs: round(Math.max(...ms), 0),
    initializeMs: round(median(runs.map((run) => run.initializeMs)), 0),
    cpuMs: runs[0].cpuMs === null ? null : round(median(runs.map((run) => run.cpuMs)), 0),
    diagnostics: runs[0].diagnostics,
    peakRssMb: runs[0].peakRssMb === null ? null : round(median(runs.map((run) => run.peakRssMb)), 1),
  };
}

// ---------------------------------------------------------------- command line, over a folder

const CLI_DRAFTS = 200;
const CLI_DRAFT_WORDS = 1000;
const WORDS_PER_PAGE = 250;

// Loaded into each timed process: at exit it writes the CPU time of all its threads and its
// peak memory to the file the environment names.
const USAGE_PROBE = `
  const { writeFileSync } = require('node:fs');
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ cpuMs: (user + system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  });`;

/** Runs a command to its end; wall time, CPU time of the process and its peak memory. */
function timeProcess(args, scratch, name) {
  const usageFile = join(scratch, `${name}-usage.json`);
  rmSync(usageFile, { force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', join(scratch, 'usage-probe.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: '1' },
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${name} failed (exit ${result.status}):\n${result.stderr.trim().split('\n').slice(-5).join('\n')}`);
  const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : { cpuMs: null, peakRssMb: null };
  return { wallMs, ...usage, stdout: result.stdout };
}

/**
 * `claim-lens check --format json FOLDER` over 200 generated drafts of 1,000 words each, and
 * cspell-lib spell-checking the same files one after another in a Node process of its own:
 * both from the process's start to its end, fixed costs included, as CI runs them.
 */
function timeCommandLine(story, scratch, repeats = 3) {
  const folder = join(scratch, 'drafts');
  mkdirSync(folder, { recursive: true });
  let words = 0;
  for (let i = 0; i < CLI_DRAFTS; i++) {
    const draft = makeDraft(CLI_DRAFT_WORDS, story, 1000 + i);
    words += draft.words;
    writeFileSync(join(folder, `draft-${String(i).padStart(3, '0')}.md`), `${draft.lines.join('\n')}\n`);
  }
  writeFileSync(join(scratch, 'usage-probe.cjs'), USAGE_PROBE);
  const cspellScript = `
    import { readdirSync, readFileSync } from 'node:fs';
    import { join } from 'node:path';
    import { pathToFileURL } from 'node:url';
    import { spellCheckDocument } from 'cspell-lib';
    const folder = ${JSON.stringify(folder)};
    let issues = 0;
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const result = await spellCheckDocument({ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8'), languageId: 'markdown', locale: 'en' }, { generateSuggestions: false, noConfigSearch: true }, {});
      issues += result.issues.length;
    }
    process.stdout.write(String(issues));`;
  const ours = [];
  const cspell = [];
  let problems = 0;
  for (let run = 0; run < repeats; run++) {
    const check = timeProcess([join(ROOT, 'server', 'out', 'cli.js'), 'check', '--format', 'json', folder], scratch, 'claim-lens');
    problems = JSON.parse(check.stdout).length;
    ours.push(check);
    cspell.push(timeProcess(['--input-type=module', '-e', cspellScript], scratch, 'cspell'));
  }
  const pages = words / WORDS_PER_PAGE;
  const summarise = (runs) => {
    const wall = median(runs.map((run) => run.wallMs));
    const cpu = runs[0].cpuMs === null ? null : median(runs.map((run) => run.cpuMs));
    return {
      wallMs: round(wall, 0),
      minWallMs: round(Math.min(...runs.map((run) => run.wallMs)), 0),
      maxWallMs: round(Math.max(...runs.map((run) => run.wallMs)), 0),
      cpuMs: round(cpu, 0),
      pagesPerSecond: Math.round(pages / (wall / 1000)),
      pagesPerCpuSecond: cpu === null ? null : Math.round(pages / (cpu / 1000)),
      peakRssMb: runs[0].peakRssMb === null ? null : round(median(runs.map((run) => run.peakRssMb)), 0),
    };
  };
  return { drafts: CLI_DRAFTS, words, pages: round(pages, 0), runs: repeats, problems, claimLens: summarise(ours), cspell: summarise(cspell) };
}

// ---------------------------------------------------------------- VS Code client bundle

/**
 * Time to load client/out/extension.js in a fresh Node process, with a stand-in for the
 * `vscode` module (only the extension host has the real one). activate() itself waits for
 * the language server to start; that part is the server start-up measured above.
 */
function timeClientLoad() {
  const bundle = join(ROOT, 'client', 'out', 'extension.js');
  const probe = `
    const Module = require('node:module');
    const standIn = new Proxy(function () {}, { get: (target, key) => (key === Symbol.toPrimitive ? () => '' : standIn), apply: () => standIn, construct: () => standIn });
    const load = Module._load;
    Module._load = function (request, ...rest) { return request === 'vscode' ? standIn : load.call(this, request, ...rest); };
    const started = performance.now();
    const extension = require(${JSON.stringify(bundle)});
    if (typeof extension.activate !== 'function') throw new Error('the client bundle exports no activate()');
    process.stdout.write(String(performance.now() - started));`;
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    if (result.status !== 0) return { loadMs: null, error: result.stderr.trim().split('\n').slice(-1)[0] };
    runs.push(Number(result.stdout));
  }
  return { loadMs: round(median(runs), 1) };
}

// ---------------------------------------------------------------- report

const number = (value, digits = 0) => (value === null || value === undefined ? '–' : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

function table(result) {
  const { environment: env, startup, firstDiagnostics: first, commandLine: cli } = result;
  const lines = [`Claim Lens benchmark — Node ${env.node}, ${env.cpus} × ${env.cpuModel}, load average ${env.loadAverage} at start`, ''];
  if (result.sizes) {
    const sizes = result.sizes;
    const rows = [
      ['engine: full check, wall (CPU)', (s) => `${number(s.engine.fullMs, 0)} (${number(s.engine.fullCpuMs, 0)}) ms`],
      ['engine: throughput, per CPU second', (s) => `${number(s.engine.wordsPerCpuSecond)} words/s`],
      ['engine: keystroke re-analysis p50 / p95', (s) => `${number(s.engine.keystroke.p50, 1)} / ${number(s.engine.keystroke.p95, 1)} ms`],
      ['engine: keystroke re-analysis CPU p50 / p95', (s) => `${number(s.engine.keystrokeCpu.p50, 1)} / ${number(s.engine.keystrokeCpu.p95, 1)} ms`],
      ['engine: blocks re-analysed per keystroke', (s) => number(s.engine.blocksPerKeystroke, 2)],
      ['engine: heap kept per draft', (s) => (s.engine.retainedHeapMb === null ? '–' : s.engine.retainedHeapMb < 1 ? '< 1 MB' : `${number(s.engine.retainedHeapMb, 1)} MB`)],
      ['cspell-lib: full spell check, wall (CPU)', (s) => `${number(s.cspell.fullMs, 0)} (${number(s.cspell.fullCpuMs, 0)}) ms`],
      ['ratio: our full check / cspell (CPU)', (s) => `${number(s.ratio, 1)}×`],
      ['LSP: open → first diagnostics (part on screen)', (s) => `${number(s.lsp.openMs, 0)} ms`],
      ['LSP: open → all diagnostics, wall (server CPU)', (s) => `${number(s.lsp.openAllMs, 0)} (${number(s.lsp.openCpuMs, 0)}) ms`],
      ['LSP: keystroke → diagnostics p50 / p95', (s) => `${number(s.lsp.keystroke.p50, 1)} / ${number(s.lsp.keystroke.p95, 1)} ms`],
      ['LSP: server CPU per keystroke (mean)', (s) => `${number(s.lsp.keystrokeCpuMeanMs, 1)} ms`],
      ['LSP: a keystroke\'s publishDiagnostics (median)', (s) => `${number(s.lsp.publishKb, 1)} KB`],
      ['LSP: hover p95', (s) => `${number(s.lsp.hoverP95Ms, 1)} ms`],
      ['LSP: server peak RSS', (s) => `${number(s.lsp.peakRssMb, 0)} MB`],
    ];
    const header = ['', ...sizes.map((s) => `${number(s.words)} words`)];
    const body = rows.map(([label, cell]) => [label, ...sizes.map(cell)]);
    const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => row[column].length)));
    const format = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('   ');
    lines.push(
      format(header),
      ...body.map(format),
      '',
      `server start → initialized: ${number(startup.serverStartMs)} ms, ${number(startup.serverStartCpuMs)} ms CPU (medians of the runs above); cspell-lib cold start: ${number(startup.cspellColdStartMs)} ms`,
      `client bundle load: ${startup.clientLoadMs === null ? `not measured (${startup.clientLoadError})` : `${number(startup.clientLoadMs, 1)} ms`} (activate() then waits for the server start)`,
      `${result.keystrokes} keystrokes per size (a word typed letter by letter at a random place${result.untimedKeystrokes ? `; in the server, after ${result.untimedKeystrokes} untimed` : ''}); full checks are medians.`,
    );
  }
  if (first) {
    lines.push(
      `spawn → first diagnostics, ${number(first.words)}-word draft: ${number(first.ms)} ms (${number(first.minMs)}–${number(first.maxMs)} over ${first.runs} fresh servers; initialize answered at ${number(first.initializeMs)} ms; server CPU ${number(first.cpuMs)} ms; peak RSS ${number(first.peakRssMb, 0)} MB)${env.serverLeftOut?.length ? `; the servers were started without ${env.serverLeftOut.join(', ')}, as the VS Code client starts them` : ''}`,
    );
  }
  if (cli) {
    const row = (name, r) => `  ${name.padEnd(22)} ${number(r.pagesPerSecond).padStart(6)} pages/s   ${number(r.wallMs).padStart(6)} ms (${number(r.minWallMs)}–${number(r.maxWallMs)})   CPU ${number(r.cpuMs)} ms   peak RSS ${number(r.peakRssMb)} MB`;
    lines.push(
      `command line over a folder of ${number(cli.drafts)} drafts (${number(cli.words)} words, ${number(cli.pages)} pages of ${WORDS_PER_PAGE} words), process start to end, median of ${cli.runs}:`,
      row('claim-lens check', cli.claimLens),
      row('cspell-lib (in order)', cli.cspell),
    );
  }
  const limits = minimums(result);
  if (limits.length) {
    const width = Math.max(...limits.map((m) => m.what.length));
    lines.push('', "issue 14's minimums (what this run measured of them):");
    for (const m of limits) lines.push(`  ${m.what.padEnd(width)}   ${`${number(m.value, m.digits)} ${m.unit}`.padStart(12)}   ${`asked ${m.atMost ? '≤' : '≥'} ${number(m.limit)} ${m.unit}`.padEnd(22)}   ${m.met ? 'met' : 'not met'}`);
  }
  lines.push('Wall time includes whatever else the machine runs; CPU time is what each process itself used.');
  return lines.join('\n');
}

/**
 * The minimums of issue 14 that this run measured, each with its figure: spawn → first
 * diagnostics of the 300-word draft, the 10,000-word draft's first diagnostics and peak memory,
 * the 100,000-word draft's first diagnostics, keystroke p95 and publish, the command line's
 * pages a second. (`lsp-eval --bench --words 10000` in ../shared/eval measures the
 * 10,000-word open on its own draft too.)
 */
function minimums(result) {
  const rows = [];
  const add = (what, value, limit, unit, atMost = true, digits = 0) => {
    if (value === null || value === undefined) return;
    rows.push({ what, value, limit, unit, atMost, digits, met: atMost ? value <= limit : value >= limit });
  };
  const first = result.firstDiagnostics;
  if (first) add(`spawn → first diagnostics, ${number(first.words)} words`, first.ms, 250, 'ms');
  const size = (words) => result.sizes?.find((s) => Math.abs(s.words - words) <= words / 20)?.lsp;
  const ten = size(10_000);
  if (ten) {
    add('10,000 words: open → first diagnostics', ten.openMs, 80, 'ms');
    add('10,000 words: server peak RSS', ten.peakRssMb, 100, 'MB');
  }
  const hundred = size(100_000);
  if (hundred) {
    add('100,000 words: open → first diagnostics', hundred.openMs, 800, 'ms');
    add('100,000 words: keystroke → diagnostics p95', hundred.keystroke.p95, 8, 'ms', true, 1);
    add("100,000 words: a keystroke's publish", hundred.publishKb, 30, 'KB', true, 1);
  }
  if (result.commandLine) add('claim-lens check, 200 drafts: pages a second', result.commandLine.claimLens.pagesPerSecond, 500, 'pages/s', false);
  return rows;
}

// Latency against draft size, both axes logarithmic. Hand-written: five lines of data do
// not need a plotting library.
function chart(result) {
  const width = 820;
  const height = 440;
  const margin = { left: 76, right: 290, top: 40, bottom: 56 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const series = [
    { name: 'LSP keystroke → diagnostics (p95)', color: '#d1495b', value: (s) => s.lsp.keystroke.p95 },
    { name: 'engine re-analysis per keystroke (p95)', color: '#edae49', value: (s) => s.engine.keystroke.p95 },
    { name: 'LSP open → first diagnostics (on screen)', color: '#00798c', value: (s) => s.lsp.openMs },
    { name: 'LSP open → all diagnostics', color: '#66a182', value: (s) => s.lsp.openAllMs },
    { name: 'engine full check', color: '#30638e', value: (s) => s.engine.fullMs },
    { name: 'cspell-lib full spell check', color: '#6a4c93', value: (s) => s.cspell.fullMs, dashed: true },
  ];
  const points = result.sizes.flatMap((s) => series.map((line) => line.value(s))).filter((v) => v > 0);
  const words = result.sizes.map((s) => s.words);
  const xMin = Math.log10(Math.min(...words));
  const xMax = Math.log10(Math.max(...words));
  const yMin = Math.floor(Math.log10(Math.min(...points, 1)));
  const yMax = Math.ceil(Math.log10(Math.max(...points, 10)));
  const x = (w) => margin.left + (xMax === xMin ? plotWidth / 2 : ((Math.log10(w) - xMin) / (xMax - xMin)) * plotWidth);
  const y = (ms) => margin.top + plotHeight - ((Math.log10(ms) - yMin) / (yMax - yMin)) * plotHeight;
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="22" font-size="14" font-weight="bold">Claim Lens: latency against draft size (log–log)</text>`,
  ];
  for (let power = yMin; power <= yMax; power++) {
    const ms = 10 ** power;
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y(ms).toFixed(1)}" y2="${y(ms).toFixed(1)}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${(y(ms) + 4).toFixed(1)}" text-anchor="end">${number(ms, ms < 1 ? 2 : 0)} ms</text>`);
  }
  for (const w of words) {
    parts.push(`<line x1="${x(w).toFixed(1)}" x2="${x(w).toFixed(1)}" y1="${margin.top}" y2="${margin.top + plotHeight}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${x(w).toFixed(1)}" y="${margin.top + plotHeight + 18}" text-anchor="middle">${number(w)}</text>`);
  }
  parts.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">words in the draft</text>`);
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#999"/>`);
  series.forEach((line, index) => {
    const data = result.sizes.map((s) => [s.words, line.value(s)]).filter(([, v]) => v > 0);
    const path = data.map(([w, v], i) => `${i ? 'L' : 'M'}${x(w).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    for (const [w, v] of data) parts.push(`<circle cx="${x(w).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${line.color}"><title>${escape(line.name)}: ${number(v, 1)} ms at ${number(w)} words</title></circle>`);
    const legendY = margin.top + 14 + index * 22;
    const legendX = margin.left + plotWidth + 16;
    parts.push(`<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    parts.push(`<text x="${legendX + 30}" y="${legendY}">${escape(line.name)}</text>`);
  });
  const env = result.environment;
  parts.push(`<text x="${margin.left + plotWidth + 16}" y="${margin.top + plotHeight - 16}" fill="#666">Node ${escape(env.node)}, ${env.cpus} × ${escape(env.cpuModel)}</text>`);
  parts.push(`<text x="${margin.left + plotWidth + 16}" y="${margin.top + plotHeight}" fill="#666">load average ${env.loadAverage} at start</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

// ---------------------------------------------------------------- main

async function main() {
  const options = readOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  for (const bundle of ['server/out/server.js', 'client/out/extension.js']) {
    if (!existsSync(join(ROOT, bundle))) throw new UsageError(`${bundle} is missing: run \`npm run build\` first (or \`npm run bench\`, which builds)`);
  }
  const progress = (message) => options.json || process.stderr.write(`${message}\n`);
  const cpus = os.cpus();
  const environment = {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    loadAverage: round(os.loadavg()[0], 2),
    platform: `${os.platform()} ${os.release()}`,
    serverLeftOut: SERVER_LEFT_OUT.filter((name) => process.env[name] !== undefined),
  };

  const scratch = mkdtempSync(join(os.tmpdir(), 'claim-lens-bench-'));
  try {
    const story = storySentences();
    const result = { environment, keystrokes: options.edits, untimedKeystrokes: options.untimed };
    if (options.parts.has('sizes')) {
      progress('bundling the engine…');
      const engine = await loadEngine(scratch);
      const pack = engine.bundledPack();
      // One small draft first, so that the measured runs do not pay for JIT warm-up.
      engine.analyzeText(makeDraft(2000, story, 99).lines.join('\n'), [pack]);
      const drafts = options.sizes.map((words) => ({ draft: makeDraft(words, story), repeats: words <= 2_000 ? 7 : words <= 20_000 ? 3 : 1 }));

      // The engine first, for every size: cspell-lib's dictionaries, once loaded, would
      // lengthen this process's garbage collections and so the engine's figures.
      const engineResults = drafts.map(({ draft, repeats }) => {
        progress(`${draft.words.toLocaleString('en')} words: engine…`);
        return timeEngine(engine, pack, draft, repeats, options.edits);
      });
      progress('loading cspell-lib dictionaries…');
      const cspell = await loadCspell();
      const cspellResults = [];
      for (const { draft, repeats } of drafts) {
        progress(`${draft.words.toLocaleString('en')} words: cspell-lib…`);
        cspellResults.push(await timeCspell(cspell, draft, repeats));
      }
      const sizes = [];
      for (const [index, { draft }] of drafts.entries()) {
        progress(`${draft.words.toLocaleString('en')} words: language server…`);
        const lsp = await timeServer(draft, options.edits, options.untimed);
        sizes.push({
          words: draft.words,
          engine: engineResults[index],
          cspell: cspellResults[index],
          // On CPU time: wall-clock ratios swing with whatever else the machine is doing.
          ratio: round(engineResults[index].fullCpuMs / cspellResults[index].fullCpuMs),
          lsp,
        });
      }
      const serverStarts = sizes.map((s) => s.lsp.startupMs);
      const serverStartsCpu = sizes.flatMap((s) => (s.lsp.startupCpuMs === null ? [] : [s.lsp.startupCpuMs]));
      const client = timeClientLoad();
      result.sizes = sizes;
      result.startup = { serverStartMs: round(median(serverStarts), 0), serverStartCpuMs: round(median(serverStartsCpu), 0), cspellColdStartMs: cspell.coldStartMs, clientLoadMs: client.loadMs, clientLoadError: client.error };
    }
    if (options.parts.has('start')) {
      progress(`spawn → first diagnostics, ${options.starts} fresh servers…`);
      result.firstDiagnostics = await timeFirstDiagnostics(makeDraft(300, story, 3), options.starts);
    }
    if (options.parts.has('cli')) {
      progress(`command line over ${CLI_DRAFTS} drafts, and cspell-lib…`);
      result.commandLine = timeCommandLine(story, scratch);
    }
    if (options.svg) {
      mkdirSync(dirname(options.svg), { recursive: true });
      writeFileSync(options.svg, chart(result));
    }
    result.minimums = minimums(result);
    if (options.json) console.log(JSON.stringify(result));
    else {
      console.log(table(result));
      if (options.svg) console.log(`chart: ${relative(process.cwd(), options.svg)}`);
    }
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || error?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      console.error(`bench: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`bench: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
