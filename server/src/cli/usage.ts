import { parseArgs, type ParseArgsConfig } from 'node:util';

// How a command is called: its arguments parsed with node:util's parseArgs, --help, and the
// command line's two kinds of failure, both exit 2: a mistake in how it was called
// (UsageError: the message and the help of the command that was called, not the whole
// tool's), and input it cannot read (InputError: the message alone, naming the file).

/** A file named on the command line that cannot be read as what it should be. */
export class InputError extends Error {}

export class UsageError extends Error {
  constructor(
    message: string,
    /** The help text of the command whose arguments were wrong. */
    readonly help?: string,
  ) {
    super(message);
  }
}

/** `--help` or `-h` among a command's arguments. */
export const asksForHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h');

/** A parseArgs error (unknown option, missing value) as a UsageError for the command. */
function usageErrorOf(error: unknown, help: string): unknown {
  return (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? new UsageError((error as Error).message, help) : error;
}

type Options = NonNullable<ParseArgsConfig['options']>;
type ParsedCommand<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>>;

/** The options every command that reads claim packs takes, and --help. */
export const PACK_OPTIONS = {
  pack: { type: 'string', multiple: true },
  'no-bundled-pack': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/**
 * A command's arguments parsed (node:util parseArgs), or undefined after printing the
 * command's help when they ask for it; a parse error becomes a UsageError with that help.
 */
export function parseCommand<T extends Options & { help: { type: 'boolean'; short: 'h' } }>(args: string[], options: T, help: string): ParsedCommand<T> | undefined {
  let parsed: ParsedCommand<T>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw usageErrorOf(error, help);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${help}\n`);
    return undefined;
  }
  return parsed;
}
