import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { claimReviewToPack, ClaimReviewError } from '../engine/pack/claimreview';
import type { CompiledPack } from '../engine/pack/compile';
import { describeFailure, runExamples } from '../engine/pack/examples';
import { loadPack, type PackLoadResult, type PackProblem } from '../engine/pack/load';
import type { ClaimPack } from '../engine/pack/types';
import { bundledPack } from '../host/bundled';
import { readInput } from './check';
import { asksForHelp, InputError, parseCommand, UsageError } from './usage';
import { loadPackFile, localPackFiles } from '../host/packRegistry';
import { watchWorkBudget } from '../host/workBudget';

// `claim-lens pack …`: tools for pack authors, and the packs `claim-lens check` uses.
// Exit status: 0 the pack is valid and its examples pass, 1 it has problems or failing
// examples, 2 usage or input error (a file that cannot be read, a document that is not JSON).

export const PACK_CHECK_HELP = `Usage: claim-lens pack check FILE.claims.json…

Validates claim packs (JSON Schema, limits, references, excerpts against the sources/ folder
beside each pack) and runs each claim's examples; prints file:line:col: error|warning: message
for every problem and failing example, then a summary per pack.

Exit status: 0 every pack valid and every example passing, 1 not, 2 a file cannot be read.`;

export const PACK_IMPORT_HELP = `Usage: claim-lens pack import-claimreview [options] FILE.json

Turns schema.org ClaimReview JSON-LD (one object, an array, an @graph or a data feed) into a
starting claim pack, and checks it at once: every generated pattern that does not recognise
its own claim is reported.

Options:
  --id ID               the pack's id (lower-case letters, digits, ".", "_", "-")
  --name NAME           the pack's name
  -o, --output FILE     write the pack to FILE instead of standard output
  -h, --help            this help`;

export const PACK_HELP = `Usage: claim-lens pack check FILE.claims.json…
       claim-lens pack import-claimreview [options] FILE.json

  check                 validates claim packs and runs their examples
  import-claimreview    turns schema.org ClaimReview JSON-LD into a starting claim pack

claim-lens pack COMMAND --help says more.`;

const display = (file: string) => (file.startsWith('/') && !relative(process.cwd(), file).startsWith('..') ? relative(process.cwd(), file) : file);

export function formatProblem(file: string, problem: PackProblem): string {
  return `${display(file)}:${problem.line + 1}:${problem.column + 1}: ${problem.severity}: ${problem.message}`;
}

// Where each pack loaded from the command line is, to place a warning in it: a pack whose
// patterns use up a sentence's work budget (host/workBudget.ts) is reported on stderr.
const locatedPacks = new Map<ClaimPack, { file: string; locate: NonNullable<PackLoadResult['locate']> }>();
let watching = false;

/**
 * Where a pack that used up a sentence's work budget is reported: to standard error, or (for
 * a check that runs in several threads, see parallel.ts) to `report`, with the pack's id.
 */
export function watchPacks(report?: (packId: string, line: string) => void): void {
  if (watching && !report) return;
  watching = true;
  const say = report ?? ((_: string, line: string) => void process.stderr.write(line));
  watchWorkBudget((owner, message) => {
    const at = locatedPacks.get(owner.pack);
    say(owner.pack.id, `claim-lens: ${at ? formatProblem(at.file, at.locate(owner.path, message, 'warning')) : `warning: pack "${owner.pack.id}": ${message}`}\n`);
  });
}

/** Validates one pack file and runs its examples; prints what it finds. Returns the exit status. */
function checkPackFile(file: string): number {
  watchPacks();
  const { pack, problems, locate } = loadPackFile(file);
  if (pack && locate) locatedPacks.set(pack.pack, { file, locate });
  for (const problem of problems) process.stdout.write(`${formatProblem(file, problem)}\n`);
  if (!pack) {
    if (problems.some((problem) => /^cannot read the pack/.test(problem.message))) return 2;
    process.stdout.write(`${display(file)}: not loaded: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  const results = runExamples(pack);
  const failures = results.filter((result) => !result.passed);
  for (const failure of failures) {
    const message = describeFailure(failure);
    const problem = locate ? locate(failure.path, message) : undefined;
    process.stdout.write(problem ? `${formatProblem(file, problem)}\n` : `${display(file)}: error: ${message}\n`);
  }
  const claims = pack.pack.claims.length;
  const withoutExamples = pack.pack.claims.filter((claim) => !claim.examples?.match?.length).length;
  process.stdout.write(
    `${display(file)}: pack "${pack.pack.id}": ${claims} claim${claims === 1 ? '' : 's'}, ${results.length} example${results.length === 1 ? '' : 's'}, ${failures.length} failed` +
      (withoutExamples ? `; ${withoutExamples} claim${withoutExamples === 1 ? ' has' : 's have'} no match example` : '') +
      '\n',
  );
  return failures.length || problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}

function importClaimReview(args: string[]): number {
  const parsed = parseCommand(args, { id: { type: 'string' }, name: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, PACK_IMPORT_HELP);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('pack import-claimreview needs exactly one FILE.json', PACK_IMPORT_HELP);
  if (values.id !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(values.id)) throw new UsageError(`--id must be lower-case letters, digits, ".", "_" or "-", not "${values.id}"`, PACK_IMPORT_HELP);
  const [file] = positionals;
  let document: unknown;
  try {
    document = JSON.parse(readInput(file, 'JSON').toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    process.stderr.write(`claim-lens: ${error instanceof InputError ? error.message : `${file}: is not JSON: ${(error as Error).message}`}\n`);
    return 2;
  }
  let imported;
  try {
    imported = claimReviewToPack(document, { id: values.id, name: values.name });
  } catch (error) {
    if (!(error instanceof ClaimReviewError)) throw error;
    process.stderr.write(`claim-lens: ${file}: ${error.message}\n`);
    return 2;
  }
  const text = `${JSON.stringify(imported.pack, null, 2)}\n`;
  const target = values.output ?? '<stdout>';
  for (const warning of imported.warnings) process.stderr.write(`claim-lens: ${file}: ${warning}\n`);
  // The generated pack is checked like any other, so the author sees at once what needs work.
  const { pack, problems, locate } = loadPack(text);
  for (const problem of problems) process.stderr.write(`${formatProblem(target, problem)}\n`);
  const failures = pack ? runExamples(pack).filter((result) => !result.passed) : [];
  for (const failure of failures) {
    const problem = locate?.(failure.path, `${describeFailure(failure)} (edit the generated pattern)`, 'warning');
    if (problem) process.stderr.write(`${formatProblem(target, problem)}\n`);
  }
  if (values.output) writeFileSync(values.output, text);
  else process.stdout.write(text);
  const claims = imported.pack.claims.length;
  process.stderr.write(`claim-lens: ${claims} claim${claims === 1 ? '' : 's'} imported to ${target}; ${failures.length} generated pattern${failures.length === 1 ? '' : 's'} to fix\n`);
  return problems.length || failures.length ? 1 : 0;
}

export function runPack(args: string[]): number {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'check': {
      if (asksForHelp(rest)) {
        process.stdout.write(`${PACK_CHECK_HELP}\n`);
        return 0;
      }
      const files = rest.filter((arg) => !arg.startsWith('-'));
      if (!files.length || files.length !== rest.length) throw new UsageError('pack check needs one or more pack FILEs and takes no options', PACK_CHECK_HELP);
      return Math.max(...files.map(checkPackFile));
    }
    case 'import-claimreview':
      return importClaimReview(rest);
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${PACK_HELP}\n`);
      return 0;
    default:
      throw new UsageError(subcommand ? `unknown pack command "${subcommand}"` : 'pack needs a command: check or import-claimreview', PACK_HELP);
  }
}

/**
 * The packs `claim-lens check` uses: the bundled pack (unless turned off), the packs under
 * ./.claim-lens/ and the files given with --pack. Prints the problems of packs that do not
 * load and returns undefined, so that a broken pack never passes as a clean check (`quiet`:
 * prints nothing, for a worker thread whose main thread loaded the same packs and said so).
 */
export function packsForCheck(packFiles: string[], withBundled: boolean, quiet = false): CompiledPack[] | undefined {
  const packs = withBundled ? [bundledPack()] : [];
  // Symbolic links under .claim-lens/ are not followed, and a pack must really be inside it.
  const candidates = [...localPackFiles(process.cwd()), ...packFiles.map((file) => ({ file, within: undefined }))];
  watchPacks();
  let failed = false;
  for (const { file, within } of candidates) {
    const { pack, problems, locate } = loadPackFile(file, { within });
    if (!quiet) for (const problem of problems) process.stderr.write(`claim-lens: ${formatProblem(file, problem)}\n`);
    if (pack && locate) locatedPacks.set(pack.pack, { file, locate });
    if (!pack) failed = true;
    else if (packs.some((other) => other.pack.id === pack.pack.id)) {
      process.stderr.write(`claim-lens: ${display(file)}: pack id "${pack.pack.id}" is already in use\n`);
      failed = true;
    } else packs.push(pack);
  }
  if (!packs.length && !failed) {
    process.stderr.write('claim-lens: no claim pack to check against (--no-bundled-pack and no --pack)\n');
    failed = true;
  }
  return failed ? undefined : packs;
}
