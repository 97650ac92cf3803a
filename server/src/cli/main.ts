import { bundledPack } from '../host/bundled';
import { CHECK_HELP, readDraft, runCheck } from './check';
import { asksForHelp, InputError, UsageError } from './usage';
import { EVAL_HELP, runEvalCommand } from './eval';
import { PACK_HELP, packsForCheck, runPack } from './pack';
import { isCheckWorker, runCheckWorker } from './parallel';
import { parseReportArgs, renderReport, REPORT_HELP, writeReport } from './report';
import { TOOL_NAME, TOOL_VERSION } from './version';

// The command line: one command per word, each with its own --help. Exit status: 0 clean,
// 1 problems found, 2 usage or input error.

const USAGE = `Usage: claim-lens COMMAND [options]

Commands:
  check FILE|FOLDER|GLOB|-…   flag unattributed, vague and misattributed claims, unsourced
                              quotations and TK markers in drafts
  report FILE                 the attribution report of a draft (Markdown, HTML or JSON)
  eval FILE.jsonl             score the engine on a labelled set
  pack check FILE…            validate claim packs and run their examples
  pack import-claimreview F   turn ClaimReview JSON-LD into a starting claim pack

Options:
  -h, --help                  this help (claim-lens COMMAND --help: the command's)
  -v, --version               the version`;

const HELP: Record<string, string> = { check: CHECK_HELP, report: REPORT_HELP, eval: EVAL_HELP, pack: PACK_HELP };

function report(args: string[]): number {
  const parsed = parseReportArgs(args);
  if (!parsed) return 0;
  const packs = packsForCheck(parsed.packs, parsed.bundledPack);
  if (!packs) return 2;
  writeReport(renderReport(parsed.file, readDraft(parsed.file), packs, parsed.format, parsed.output), parsed.output);
  return 0;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return runCheck(rest);
      case 'report':
        return report(rest);
      case 'pack':
        return runPack(rest);
      case 'eval':
        return runEvalCommand(rest, () => [bundledPack()]);
      case '--version':
      case '-v':
        process.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`);
        return 0;
      case 'help':
        if (rest[0] !== undefined && !(rest[0] in HELP)) throw new UsageError(`no help on "${rest[0]}": there is no such command`, USAGE);
        process.stdout.write(`${HELP[rest[0]] ?? USAGE}\n`);
        return 0;
      default:
        if (command !== undefined && asksForHelp([command])) {
          process.stdout.write(`${USAGE}\n`);
          return 0;
        }
        throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`, USAGE);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`claim-lens: ${error.message}\n\n${error.help ?? USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError || (error instanceof Error && /ENOENT|EACCES/.test(error.message))) {
      process.stderr.write(`claim-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

// A reader that stops early (`claim-lens check … | head`) closes the pipe: stop quietly, as
// other command-line tools do, instead of failing on the next write.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// A worker thread of a check over many files runs the same bundle (parallel.ts).
if (isCheckWorker()) runCheckWorker();
else process.exitCode = main(process.argv.slice(2));
