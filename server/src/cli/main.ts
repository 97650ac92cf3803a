import { parseArgs } from 'node:util';
import { bundledPack } from '../host/bundled';
import { checkText, formatSarif, formatText, InputError, readDraft, type Format, type Problem } from './check';
import { runEval } from './eval';
import { PACK_HELP, PACK_USAGE, PackUsageError, packsForCheck, runPack } from './pack';
import { parseReportArgs, renderReport, ReportUsageError, writeReport } from './report';

// The command line. Exit status: 0 clean, 1 unattributed claims found, 2 usage or input error.

const USAGE = `Usage:
  claim-lens check FILE… [--format text|json|sarif] [--show-attributed] [--pack PACK.claims.json]… [--no-bundled-pack]
  claim-lens eval FILE.jsonl [--all] [--json]
  claim-lens report FILE [--format markdown|html|json] [--output OUT] [--pack PACK.claims.json]… [--no-bundled-pack]
${PACK_USAGE}

check   flags unattributed, vaguely attributed and misattributed claims in drafts
        (Markdown, plain text, .draft/.story); prints file:line:col severity claim-id message
eval    scores the engine on a labelled JSONL set and lists what it decided for failures
report  every claim in a draft, attributed or not, with status, claimant, sources and lines;
        the quotations checked against the sources; TK markers left
${PACK_HELP}

check and report use the bundled pack, the packs under ./.claim-lens/ and every --pack.`;

class UsageError extends Error {}

function check(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'show-attributed': { type: 'boolean', default: false },
      pack: { type: 'string', multiple: true },
      'no-bundled-pack': { type: 'boolean', default: false },
    },
  });
  const format = values.format as Format;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  if (!positionals.length) throw new UsageError('check needs at least one FILE');
  const packs = packsForCheck(values.pack ?? [], !values['no-bundled-pack']);
  if (!packs) return 2;
  const problems: Problem[] = [];
  let failed = false;
  for (const file of positionals) {
    try {
      problems.push(...checkText(file, readDraft(file), packs, { showAttributed: values['show-attributed'] }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`claim-lens: ${error.message}\n`);
      failed = true;
    }
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify(problems, null, 2)}\n`);
  else if (format === 'sarif') process.stdout.write(formatSarif(problems, packs, process.cwd()));
  else process.stdout.write(formatText(problems));
  if (failed) return 2;
  return problems.some((p) => p.severity === 'warning' || p.severity === 'error') ? 1 : 0;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest);
      case 'report': {
        const { file, format, output, packs: packFiles, bundledPack: withBundled } = parseReportArgs(rest);
        const packs = packsForCheck(packFiles, withBundled);
        if (!packs) return 2;
        try {
          writeReport(renderReport(file, readDraft(file), packs, format, output), output);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          process.stderr.write(`claim-lens: ${error.message}\n`);
          return 2;
        }
        return 0;
      }
      case 'pack':
        return runPack(rest);
      case 'eval': {
        const file = rest.find((arg) => !arg.startsWith('--'));
        if (!file) throw new UsageError('eval needs a FILE.jsonl');
        return runEval(file, [bundledPack()], { json: rest.includes('--json'), all: rest.includes('--all') });
      }
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ReportUsageError || error instanceof PackUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`claim-lens: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError || (error instanceof Error && /ENOENT|EACCES/.test(error.message))) {
      process.stderr.write(`claim-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
