import { extname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../engine/analysis/block';
import type { CompiledPack } from '../engine/pack/compile';
import { messageOf, severityOf, type Severity } from '../engine/report/messages';
import type { DraftSyntax } from '../engine/text/prose';
import { LineIndex } from '../engine/text/lines';
import { readGuarded } from '../host/guardedRead';

const oneBased = (lines: LineIndex, offset: number) => {
  const { line, column } = lines.positionOf(offset);
  return { line: line + 1, column: column + 1 };
};
import { reviewFile } from './report';
import { problemFindings } from '../engine/workflow/review';

// `claim-lens check FILE…`: the same engine and pack as the language server, from a
// terminal or CI. Text output is `file:line:col severity claim-id message`.

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

export class InputError extends Error {}

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

/** Reads a draft as UTF-8; refuses what is not text. */
export function readDraft(file: string): string {
  const bytes = readInput(file, 'a draft');
  if (bytes.includes(0)) throw new InputError(`${file}: looks like a binary file, not a draft`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${file}: is not valid UTF-8 text`);
  }
}

export function checkText(file: string, text: string, packs: CompiledPack[], options: { showAttributed?: boolean } = {}): Problem[] {
  // Directives, TK markers and the quote check apply here as in the editor.
  const { review, snapshot } = reviewFile(file, text, packs);
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  for (const finding of problemFindings(review)) {
    const pack = packs.find((p) => p.pack.id === finding.packId)!;
    const claim = pack.claimById.get(finding.claimId)!.claim;
    const severity = severityOf(finding, claim, { showAttributed: options.showAttributed });
    if (!severity) continue;
    const start = oneBased(lines, finding.sentence.start);
    const end = oneBased(lines, finding.sentence.end);
    problems.push({
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity,
      claim: finding.claimId,
      framing: finding.framing,
      message: messageOf(finding, pack),
      sentence: text.slice(finding.sentence.start, finding.sentence.end),
    });
  }
  for (const note of review.notes) {
    const start = oneBased(lines, note.span.start);
    const end = oneBased(lines, note.span.end);
    const sentence = text.slice(note.span.start, note.span.end);
    problems.push({ file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity: note.severity, claim: note.code, message: note.message, sentence });
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

export function formatText(problems: Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.claim} ${p.message}\n`).join('');
}

export function formatSarif(problems: Problem[], packs: CompiledPack[], cwd: string): string {
  const rules = packs.flatMap((pack) =>
    pack.claims.map(({ claim }) => ({
      id: claim.id,
      name: claim.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: claim.summary },
      fullDescription: { text: `${claim.summary} Claimed by ${claim.claimantLabel}; status: ${claim.status}.` },
      defaultConfiguration: { level: claim.status === 'reported' ? 'none' : 'warning' },
      properties: { pack: pack.pack.id, status: claim.status },
    })),
  );
  const level = (severity: Severity) => (severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'claim-lens', version: '0.1.0', informationUri: 'https://github.com/claim-lens/claim-lens', rules } },
        columnKind: 'utf16CodeUnits',
        results: problems.map((p) => ({
          ruleId: p.claim,
          level: level(p.severity),
          message: { text: p.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relative(cwd, p.file).split('\\').join('/') || pathToFileURL(p.file).href },
                region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn, snippet: { text: p.sentence } },
              },
            },
          ],
          properties: { framing: p.framing },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
