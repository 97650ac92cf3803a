import Ajv, { type ErrorObject } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import schema from '../../../../schemas/claim-pack.schema.json';
import { compilePack, PackCompileError, type CompiledPack } from './compile';
import type { ClaimPack } from './types';

// Reads a claim pack from JSON text: syntax, then the JSON Schema, then the meaning
// (unknown concepts, parties, malformed patterns). Every problem comes back with its
// line and column, so an author can find it; nothing throws.

export interface PackProblem {
  message: string;
  /** JSON path of the value at fault. */
  path: Array<string | number>;
  /** 0-based position in the pack text. */
  line: number;
  column: number;
  offset: number;
  length: number;
}

export interface PackLoadResult {
  pack?: CompiledPack;
  problems: PackProblem[];
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile<ClaimPack>(schema);

const MAX_PACK_BYTES = 5_000_000;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, column: offset - starts[lo] };
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

export function loadPack(text: string): PackLoadResult {
  const starts = lineStarts(text);
  const problemAt = (message: string, path: Array<string | number>, offset: number, length: number): PackProblem => ({
    message,
    path,
    offset,
    length,
    ...positionOf(starts, offset),
  });
  if (text.length > MAX_PACK_BYTES) return { problems: [problemAt(`pack is larger than ${MAX_PACK_BYTES} characters`, [], 0, 0)] };

  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !tree) {
    const problems = errors.map((error) => problemAt(`JSON syntax error: ${printParseErrorCode(error.error)}`, [], error.offset, error.length));
    return { problems: problems.length ? problems : [problemAt('the pack is empty', [], 0, 0)] };
  }
  const locate = (path: Array<string | number>, message: string): PackProblem => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(tree, path.slice(0, depth));
      if (node) return problemAt(message, path, node.offset, node.length);
    }
    return problemAt(message, path, 0, 0);
  };

  const data: unknown = JSON.parse(text);
  if (!validate(data)) {
    // Schema errors below a failing oneOf repeat themselves; keep one per place and message.
    const seen = new Set<string>();
    const problems: PackProblem[] = [];
    for (const error of validate.errors ?? []) {
      const message = describeSchemaError(error);
      const key = `${error.instancePath}|${message}`;
      if (seen.has(key) || error.keyword === 'oneOf') continue;
      seen.add(key);
      problems.push(locate(pointerToPath(error.instancePath), message));
    }
    return { problems };
  }
  try {
    return { pack: compilePack(data), problems: [] };
  } catch (error) {
    if (error instanceof PackCompileError) return { problems: [locate(error.path, `${error.path.join('.')}: ${error.message}`)] };
    throw error;
  }
}
