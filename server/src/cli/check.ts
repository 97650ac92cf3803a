import { readSync } from 'node:fs';
import { extname } from 'node:path';
import type { Finding } from '../engine/analysis/block';
import { failedBlocks } from '../engine/analysis/document';
import type { CompiledPack } from '../engine/pack/compile';
import type { Severity } from '../engine/report/messages';
import { draftProblems } from '../engine/workflow/problems';
import type { DraftSyntax } from '../engine/text/prose';
import { LineIndex } from '../engine/text/lines';
import { readGuarded } from '../host/guardedRead';

const oneBased = (lines: LineIndex, offset: number) => {
  const { line, column } = lines.positionOf(offset);
  return { line: line + 1, column: column + 1 };
};
import { DRAFT_EXTENSIONS, expandInputs, STDIN } from './inputs';
import { formatSarif, formatText, wantsColour } from './output';
import { packsForCheck } from './pack';
import { checkFiles } from './parallel';
import { reviewFile } from './report';
import { InputError, PACK_OPTIONS, parseCommand, UsageError } from './usage';

// `claim-lens check FILE…`: the same engine and pack as the language server, from a
// terminal or CI. Output is in output.ts; which files, in inputs.ts.

export type Format = 'text' | 'json' | 'sarif';

export interface Problem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  claim: string;
  /** Absent for workflow notes (TK markers, quotations, directives). */
  framing?: Finding['framing'];
  message: string;
  sentence: string;
}

export function syntaxForFile(file: string): DraftSyntax {
  return ['.md', '.markdown', '.mdx', '.draft', '.story'].includes(extname(file).toLowerCase()) ? 'markdown' : 'plain';
}

/** Bytes of a draft (or of JSON given to the command line) read at most. */
export const MAX_INPUT_BYTES = 64_000_000;

/** Reads a file named on the command line, or throws an InputError that says why not. */
export function readInput(file: string, what: string): Buffer {
  // A device never ends (/dev/zero): it is refused. Pipes stay allowed
  // (`cat draft.md | claim-lens check /dev/stdin`), up to the same size.
  const read = readGuarded(file, { maxBytes: MAX_INPUT_BYTES, allowPipes: true });
  if (read.ok) return read.bytes;
  throw new InputError(`${file}: ${read.missing ? 'cannot read (no such file)' : read.reason.replace(/, not a file$/, `, not ${what}`)}`);
}

/** Standard input, up to MAX_INPUT_BYTES: an endless stream is refused, not read until memory runs out. */
export function readStdin(): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 16);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let read: number;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // Standard input opened without blocking: wait a little for more.
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw new InputError(`${STDIN_NAME}: cannot read standard input (${code ?? String(error)})`);
    }
    if (read === 0) break;
    total += read;
    if (total > MAX_INPUT_BYTES) throw new InputError(`${STDIN_NAME}: more than ${MAX_INPUT_BYTES.toLocaleString('en')} bytes on standard input, not a draft`);
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return Buffer.concat(chunks);
}

/** How standard input is named in messages and output. */
export const STDIN_NAME = '<stdin>';

/** Reads a draft as UTF-8 (`-`: standard input); refuses what is not text. */
export function readDraft(file: string): string {
  return decodeDraft(file === '-' ? STDIN_NAME : file, file === '-' ? readStdin() : readInput(file, 'a draft'));
}

function decodeDraft(file: string, bytes: Buffer): string {
  if (bytes.includes(0)) throw new InputError(`${file}: looks like a binary file, not a draft`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${file}: is not valid UTF-8 text`);
  }
}

/** `kindOf`: the file name that says what kind of draft this is, when `file` does not (standard input). */
export function checkText(file: string, text: string, packs: CompiledPack[], options: { showAttributed?: boolean; kindOf?: string } = {}): Problem[] {
  // Directives, TK markers and the quote check apply here as in the editor.
  const { review, snapshot } = reviewFile(options.kindOf ?? file, text, packs);
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const { claims, notes } = draftProblems(review, snapshot.findings, packs, { showAttributed: options.showAttributed });
  for (const problem of [...claims, ...notes]) {
    const start = oneBased(lines, problem.span.start);
    const end = oneBased(lines, problem.span.end);
    problems.push({
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: problem.severity,
      claim: problem.code,
      ...(problem.claim ? { framing: problem.claim.finding.framing } : {}),
      message: problem.message,
      sentence: text.slice(problem.span.start, problem.span.end),
    });
  }
  for (const failed of failedBlocks(snapshot)) {
    const at = oneBased(lines, failed.start);
    problems.push({ file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column, severity: 'information', claim: 'paragraph-not-read', message: failed.message, sentence: '' });
  }
  if (snapshot.skippedChars > 0) {
    // Said as the editor says it: a check that stopped early must not pass for a clean draft.
    const checked = text.length - snapshot.skippedChars;
    const at = oneBased(lines, checked);
    const message = `Only the first ${checked.toLocaleString('en')} of ${text.length.toLocaleString('en')} characters of this draft were checked.`;
    problems.push({ file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column, severity: 'information', claim: 'draft-too-large', message, sentence: '' });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}


export const CHECK_HELP = `Usage: claim-lens check [options] FILE|FOLDER|GLOB|-…

Flags unattributed, vaguely attributed and misattributed claims, quotations no source
carries and TK markers in drafts (Markdown, plain text, .draft/.story). A FOLDER is searched
for drafts (${DRAFT_EXTENSIONS.map((ext) => `.${ext}`).join(' ')}); a GLOB is expanded here (quote it:
'drafts/**/*.md'); - reads standard input.

Options:
  --format text|json|sarif   text (default): file:line:col severity code message, the
                             sentence, then a summary line; json; SARIF 2.1.0
  --fail-on warning|information
                             the least severe problem that fails the check (default warning)
  --max-warnings N           how many problems at or above --fail-on pass (default 0);
                             an error always fails
  --show-attributed          report attributed claims too, as hints
  --pack FILE                check against this claim pack too (repeatable)
  --no-bundled-pack          leave the bundled Kremlin pack out
  --stdin-filename NAME      the name, and so the kind, of the draft read from -
  --color, --no-color        colour the text output (default: on a terminal, unless NO_COLOR is set)
  -h, --help                 this help

The packs: the bundled one, every *.claims.json under ./.claim-lens/ and each --pack.
Exit status: 0 passed; 1 more problems at or above --fail-on than --max-warnings allows;
2 a usage or input error (a file that cannot be read, a pack that does not load).`;

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** Whether the problems fail the check: any error, or more than `maxWarnings` at or above `failOn`. */
export function fails(problems: readonly Problem[], failOn: 'warning' | 'information', maxWarnings: number): boolean {
  if (problems.some((p) => p.severity === 'error')) return true;
  return problems.filter((p) => SEVERITY_RANK[p.severity] >= SEVERITY_RANK[failOn]).length > maxWarnings;
}

export function runCheck(args: string[]): number {
  const parsed = parseCommand(
    args,
    {
      ...PACK_OPTIONS,
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'warning' },
      'max-warnings': { type: 'string', default: '0' },
      'show-attributed': { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
    CHECK_HELP,
  );
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = values.format as Format;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}"`, CHECK_HELP);
  const failOn = values['fail-on'];
  if (failOn !== 'warning' && failOn !== 'information') throw new UsageError(`--fail-on must be warning or information, not "${failOn}"`, CHECK_HELP);
  const maxWarnings = Number(values['max-warnings']);
  if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings must be a whole number, 0 or more, not "${values['max-warnings']}"`, CHECK_HELP);
  if (!positionals.length) throw new UsageError('check needs at least one FILE, FOLDER, GLOB or - (standard input)', CHECK_HELP);
  if (positionals.filter((input) => input === STDIN).length > 1) throw new UsageError('standard input (-) can be read only once', CHECK_HELP);

  const packs = packsForCheck(values.pack ?? [], !values['no-bundled-pack']);
  if (!packs) return 2;
  let files: string[];
  let failed = false;
  try {
    files = expandInputs(positionals);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`claim-lens: ${error.message}\n`);
    return 2;
  }
  const entries = files.map((file) => {
    const name = file === STDIN ? values['stdin-filename'] ?? STDIN_NAME : file;
    // Standard input without a name is read as Markdown.
    return { file, name, kindOf: file === STDIN && !values['stdin-filename'] ? 'stdin.md' : name };
  });
  const problems: Problem[] = [];
  // In worker threads too, when there are files enough (parallel.ts); outcomes in the order named.
  for (const outcome of checkFiles(entries, packs, { packFiles: values.pack ?? [], withBundled: !values['no-bundled-pack'], showAttributed: values['show-attributed'] })) {
    if ('problems' in outcome) problems.push(...outcome.problems);
    else {
      process.stderr.write(`claim-lens: ${outcome.inputError}\n`);
      failed = true;
    }
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify(problems, null, 2)}\n`);
  else if (format === 'sarif') process.stdout.write(formatSarif(problems, packs, process.cwd()));
  else {
    const colour = values['no-color'] ? false : values.color ? true : wantsColour(process.stdout);
    process.stdout.write(formatText(problems, files.length, colour));
  }
  if (failed) return 2;
  return fails(problems, failOn, maxWarnings) ? 1 : 0;
}
