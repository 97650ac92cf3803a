import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeText, DEFAULT_MAX_CHARS, type DraftSnapshot } from '../engine/analysis/document';
import type { CompiledPack } from '../engine/pack/compile';
import { draftKindOfFile, prepareDraft, type PreparedDraft } from '../engine/workflow/newsDraft';
import { buildReport, reportHtml, reportMarkdown, type ReportLinks } from '../engine/workflow/report';
import { reviewDraft, type DraftReview } from '../engine/workflow/review';
import { sourcesDirOf } from '../host/packRegistry';
import { sourceLibrary } from '../host/sourceTexts';
import { PACK_OPTIONS, parseCommand, UsageError } from './usage';

// `claim-lens report FILE`: the attribution report an editor reads before publication, as
// Markdown (default), HTML or JSON, on standard output or into --output FILE.

export interface ReviewedFile {
  prepared: PreparedDraft;
  snapshot: DraftSnapshot;
  review: DraftReview;
}

/** Analyses a draft as the editor does: news drafts prepared, directives and TK, quote check. */
export function reviewFile(file: string, text: string, packs: readonly CompiledPack[]): ReviewedFile {
  const prepared = prepareDraft(draftKindOfFile(file), text);
  const snapshot = analyzeText(prepared.text, packs, { syntax: prepared.syntax, maxChars: DEFAULT_MAX_CHARS });
  const library = sourceLibrary();
  const review = reviewDraft({ text, prepared, snapshot, packs, quotationsOf: (pack) => library.quotationsOf(pack) });
  return { prepared, snapshot, review };
}

export type ReportFormat = 'markdown' | 'html' | 'json';

export const REPORT_HELP = `Usage: claim-lens report [options] FILE

Every claim in the draft, attributed or not, with its status, claimant, denials, sources and
lines; the quotations checked against the sources; the TK markers left.

Options:
  --format markdown|html|json   markdown (default), an HTML page, or the report's data
  -o, --output FILE             write it to FILE instead of standard output
  --pack FILE                   use this claim pack too (repeatable)
  --no-bundled-pack             leave the bundled Kremlin pack out
  -h, --help                    this help

The packs are those of check: the bundled one, ./.claim-lens/ and each --pack.`;

/** Links in a report written to `output` (or printed, when undefined): relative paths with a line fragment. */
function linksFor(file: string, output: string | undefined, packs: readonly CompiledPack[]): ReportLinks {
  const base = output ? resolve(output, '..') : process.cwd();
  const rel = (path: string) => relative(base, path).split('\\').join('/') || pathToFileURL(path).href;
  return {
    draft: (line: number) => `${encodeURI(rel(resolve(file)))}#L${line}`,
    // Each pack's sources are in the sources/ folder beside it.
    source: (sourceFile: string, line: number, packId: string) => `${encodeURI(rel(resolve(sourcesDirOf(packs.find((pack) => pack.pack.id === packId)), sourceFile)))}#L${line}`,
  };
}

export function renderReport(file: string, text: string, packs: readonly CompiledPack[], format: ReportFormat, output?: string): string {
  const { review } = reviewFile(file, text, packs);
  const report = buildReport(file, text, review, packs);
  const links = linksFor(file, output, packs);
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'html') {
    return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Attribution report: ${file.replace(/[&<>"]/g, '')}</title></head><body>\n${reportHtml(report, links)}\n</body></html>\n`;
  }
  return reportMarkdown(report, links);
}

export interface ReportArgs {
  file: string;
  format: ReportFormat;
  output?: string;
  /** --pack files, beside ./.claim-lens/ and the bundled pack (as for `check`). */
  packs: string[];
  bundledPack: boolean;
}

/** The report's arguments, or undefined when they asked for help (printed). */
export function parseReportArgs(args: string[]): ReportArgs | undefined {
  const parsed = parseCommand(args, { ...PACK_OPTIONS, format: { type: 'string', default: 'markdown' }, output: { type: 'string', short: 'o' } }, REPORT_HELP);
  if (!parsed) return undefined;
  const { values, positionals } = parsed;
  const format = values.format as ReportFormat;
  if (!['markdown', 'html', 'json'].includes(format)) throw new UsageError(`--format must be markdown, html or json, not "${format}"`, REPORT_HELP);
  if (positionals.length !== 1) throw new UsageError('report needs exactly one FILE', REPORT_HELP);
  return { file: positionals[0], format, output: values.output, packs: values.pack ?? [], bundledPack: !values['no-bundled-pack'] };
}

export function writeReport(content: string, output: string | undefined): void {
  if (output) writeFileSync(output, content);
  else process.stdout.write(content);
}
