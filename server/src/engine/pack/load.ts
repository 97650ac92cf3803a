import type { ErrorObject } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../text/lines';
import { compilePack, PackCompileError, type CompiledPack } from './compile';
import { validate } from './packValidator.generated.js';
import { checkExcerpts, type SourceRead } from './excerpts';
import { checkPackLimits, PACK_LIMITS } from './limits';
import { checkPackReferences } from './references';

// Reads a claim pack from JSON text: syntax, the JSON Schema, the size limits, the meaning
// (unknown concepts, parties, malformed patterns) and, when the host can read them, the
// excerpts against their source files. Every problem comes back with its line and column,
// so an author can find it; nothing throws. Errors keep the pack from loading; warnings
// (a source file that is not there) do not.

export interface PackProblem {
  message: string;
  severity: 'error' | 'warning';
  /** JSON path of the value at fault. */
  path: Array<string | number>;
  /** 0-based position in the pack text, columns in UTF-16 code units. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
}

export interface PackLoadOptions {
  /** The text of a file in the pack's sources folder, undefined when it is not there, or why it was refused. Without it, excerpts are not checked. */
  readSource?: (file: string) => SourceRead;
}

export interface PackLoadResult {
  pack?: CompiledPack;
  problems: PackProblem[];
  /** Locates a further problem (an example that fails) in the pack text; there when the text parsed. */
  locate?: (path: Array<string | number>, message: string, severity?: PackProblem['severity']) => PackProblem;
}

/** Problems reported at most per pack; a broken generated pack can have thousands. */
const MAX_PROBLEMS = 100;
/** Arrays and objects nested at most; a pack needs six levels. Deeper text is refused before any parser recurses into it. */
export const MAX_JSON_DEPTH = 64;

/** The offset of the first bracket nested deeper than `max`, or -1; one pass, no recursion, strings skipped. */
export function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote (an unterminated one runs to the end).
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return -1;
}

function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath || 'the pack';
  switch (error.keyword) {
    case 'required':
      return `${where}: missing property "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `${where}: unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `${where}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${where}: ${error.message ?? 'is not valid'}`;
  }
}

export function loadPack(text: string, options: PackLoadOptions = {}): PackLoadResult {
  const lines = new LineIndex(text);
  const problemAt = (message: string, path: Array<string | number>, offset: number, length: number, severity: PackProblem['severity'] = 'error'): PackProblem => {
    const end = lines.positionOf(offset + length);
    return { message, severity, path, offset, length, ...lines.positionOf(offset), endLine: end.line, endColumn: end.column };
  };
  if (text.length > PACK_LIMITS.packChars) {
    return { problems: [problemAt(`the pack is larger than ${PACK_LIMITS.packChars.toLocaleString('en')} characters`, [], 0, 0)] };
  }
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep >= 0) return { problems: [problemAt(`nested too deeply: arrays and objects more than ${MAX_JSON_DEPTH} levels deep (a claim pack needs six)`, [], deep, 1)] };

  // JSON.parse first: a valid pack never needs jsonc-parser's tree, which is built only to
  // place a problem (several MB and milliseconds for a large pack).
  let data: unknown;
  let syntaxError: string | null = null;
  try {
    data = JSON.parse(text);
  } catch (error) {
    syntaxError = error instanceof Error ? error.message : String(error);
  }
  let tree: Node | undefined;
  let treeRead = false;
  const errors: ParseError[] = [];
  const readTree = (): Node | undefined => {
    if (!treeRead) {
      treeRead = true;
      tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    }
    return tree;
  };
  if (syntaxError !== null) {
    readTree();
    const problems = errors.slice(0, MAX_PROBLEMS).map((error) => problemAt(`JSON syntax error: ${printParseErrorCode(error.error)}`, [], error.offset, error.length));
    if (!problems.length) problems.push(problemAt(text.trim() ? `JSON syntax error: ${syntaxError}` : 'the pack is empty', [], 0, 0));
    return { problems };
  }
  const locate = (path: Array<string | number>, message: string, severity: PackProblem['severity'] = 'error'): PackProblem => {
    const root = readTree();
    for (let depth = path.length; root && depth >= 0; depth--) {
      const node = findNodeAtLocation(root, path.slice(0, depth));
      if (node) return problemAt(message, path, node.offset, node.length, severity);
    }
    return problemAt(message, path, 0, 0, severity);
  };
  const located = (found: Array<{ message: string; path: Array<string | number>; severity?: PackProblem['severity'] }>): PackProblem[] => {
    const problems = found.slice(0, MAX_PROBLEMS).map((problem) => locate(problem.path, describeAt(problem.path, problem.message), problem.severity));
    if (found.length > MAX_PROBLEMS) problems.push(problemAt(`… and ${found.length - MAX_PROBLEMS} more problems`, [], 0, 0));
    return problems;
  };

  if (!validate(data)) {
    // Schema errors below a failing oneOf repeat themselves; keep one per place and message.
    const seen = new Set<string>();
    const found: Array<{ message: string; path: Array<string | number> }> = [];
    for (const error of validate.errors ?? []) {
      const message = describeSchemaError(error);
      const key = `${error.instancePath}|${message}`;
      if (seen.has(key) || error.keyword === 'oneOf') continue;
      seen.add(key);
      found.push({ message, path: pointerToPath(error.instancePath) });
    }
    // Schema messages already name their place.
    return { problems: found.slice(0, MAX_PROBLEMS).map((problem) => locate(problem.path, problem.message)), locate };
  }

  const limits = checkPackLimits(data);
  if (limits.length) return { problems: located(limits), locate };
  const references = checkPackReferences(data);
  if (references.length) return { problems: located(references), locate };
  const sources = options.readSource ? located(checkExcerpts(data, options.readSource)) : [];
  if (sources.some((problem) => problem.severity === 'error')) return { problems: sources, locate };
  try {
    return { pack: compilePack(data), problems: sources, locate };
  } catch (error) {
    if (error instanceof PackCompileError) return { problems: [...sources, locate(error.path, describeAt(error.path, error.message))], locate };
    throw error;
  }
}

/** "claims.3.patterns.0: unknown concept @x" */
function describeAt(path: Array<string | number>, message: string): string {
  return path.length ? `${path.join('.')}: ${message}` : message;
}
