import {
  CodeActionKind,
  MarkupKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Hover,
  type Position,
  type TextEdit,
} from 'vscode-languageserver';
import { DEFAULT_MAX_CHARS, DraftAnalyzer } from '../engine/analysis/document';
import { loadTagger } from '../engine/syntax/tagger';
import { labelOfFile } from '../engine/report/sourceNames';
import type { CompiledPack } from '../engine/pack/compile';
import { entityAt, type EntityHit } from '../engine/workflow/entities';
import type { SourceLibrary } from '../engine/workflow/library';
import { draftKindOf, prepareDraft, prepareDraftLazily, type DraftKind } from '../engine/workflow/newsDraft';
import { buildReport, reportHtml, reportMarkdown } from '../engine/workflow/report';
import { noteProblems, problemFixes } from '../engine/workflow/problems';
import { problemFindings, reviewSteps, speakerName, type DraftReview, type WorkflowNote } from '../engine/workflow/review';
import type { ReportResult } from '../protocol';
import { documentEdit } from './codeActions';
import { DIAGNOSTIC_SOURCE, diagnosticOf } from './diagnostics';
import type { Draft } from './drafts';
import { toOffset, toRange, toSpan, touches } from './positions';
import { sourceLineLink } from './sources';

// The reporter's workflow on top of the claim findings: suppression directives, TK markers,
// the quote check, entity hovers and the attribution report. Reviews are cached per
// analysis of a document; the server keeps publishing the full set for every version.

/** The text the engine analyses for a document of this language (news drafts are rewritten, same length). */
export function analysisText(languageId: string, text: string): string {
  return prepareDraft(draftKindOf(languageId), text).text;
}

/** The steps' result, or undefined when `needed()` stopped saying so before they were done (checked before each step). */
function* whileNeeded<T>(steps: Generator<void, T, void>, needed: () => boolean): Generator<void, T | undefined, void> {
  for (;;) {
    if (!needed()) {
      steps.return(undefined as never);
      return undefined;
    }
    const step = steps.next();
    if (step.done) return step.value;
    yield;
  }
}

const escape = (text: string) => text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
const MAX_SOURCE_LINKS = 8;
const NOT_SILENCEABLE = new Set(['draft-too-large', 'suppression-unknown-code']);

interface Cached {
  /** The analysis the review was made from: a re-check of the same version (new settings or packs) makes a new one. */
  snapshot: Draft['snapshot'];
  packs: readonly CompiledPack[];
  review: DraftReview;
}

export class Workflow {
  private readonly reviews = new Map<string, Cached>();
  /** Each review a number, so that a client can tell whether the report it shows is current. */
  private readonly stamps = new WeakMap<DraftReview, string>();
  private stampCount = 0;
  /** Reports already built, by review: asking again for the same one costs nothing. */
  private readonly reports = new WeakMap<DraftReview, Extract<ReportResult, { stamp: string }>>();

  constructor(private readonly library: SourceLibrary) {}

  /** The review of the draft's current version, or null when the draft is not checked. */
  review(draft: Draft, packs: readonly CompiledPack[]): DraftReview | null {
    const steps = this.reviewSteps(draft, packs);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `review` in steps (see engine/workflow/review.ts, reviewSteps); the review is kept for the
   * draft's version, and the next version's review starts from it.
   */
  *reviewSteps(draft: Draft, packs: readonly CompiledPack[]): Generator<void, DraftReview | null, void> {
    if (!draft.checked) return null;
    const { uri } = draft.document;
    const cached = this.reviews.get(uri);
    if (cached?.snapshot === draft.snapshot && cached.packs === packs) return cached.review;
    const { document } = draft;
    // The whole text only when the review needs it (see ReviewInput.text): a news draft is
    // rewritten from it; in another draft it is what the analysis read.
    const prepared = prepareDraftLazily(draftKindOf(document.languageId), () => document.getText());
    const before = cached?.packs === packs ? { snapshot: cached.snapshot, review: cached.review } : undefined;
    const quotationsOf = (pack: CompiledPack) => this.library.quotationsOf(pack);
    const input = {
      get text() {
        return document.getText();
      },
      prepared,
      snapshot: draft.snapshot,
      packs,
      quotationsOf,
      before,
    };
    const review = yield* reviewSteps(input);
    // The review of the part on screen, published while the check goes on, is not kept: the
    // review of the whole draft takes over from the last whole one (the blocks kept on
    // either side of the edit), which a partial one would not let it do.
    if (!draft.partial) this.reviews.set(uri, { snapshot: draft.snapshot, packs, review });
    return review;
  }

  /**
   * Loads the tagger, reads the packs' source quotations and checks a sample draft, a step at
   * a time: run while the server has nothing else to do (after start), so that the first
   * draft opened pays for none of it, and never waits for it. The sample draft is checked
   * only while `needed()` says so: once a real draft has been checked (one opened at once
   * after start is checked first), checking the sample only competes with the keystrokes
   * that follow.
   */
  *warmUpSteps(text: string, packs: readonly CompiledPack[], needed: () => boolean = () => true): Generator<void, void, void> {
    loadTagger();
    yield;
    for (const pack of packs) {
      this.library.quotationsOf(pack);
      yield;
    }
    const snapshot = yield* whileNeeded(new DraftAnalyzer(packs, { syntax: 'markdown', maxChars: DEFAULT_MAX_CHARS }).updateSteps(text), needed);
    if (snapshot) yield* whileNeeded(reviewSteps({ text, prepared: prepareDraft('markdown', text), snapshot, packs, quotationsOf: (pack: CompiledPack) => this.library.quotationsOf(pack) }), needed);
  }

  /**
   * The draft as the claim diagnostics, hovers and fixes should see it: silenced findings
   * left out, and those a misattributed-quotation note reports (problemFindings).
   */
  visible(draft: Draft, review: DraftReview | null): Draft {
    if (!review) return draft;
    return { ...draft, snapshot: { ...draft.snapshot, findings: problemFindings(review) } };
  }

  forget(uri: string): void {
    this.reviews.delete(uri);
  }

  diagnostics(draft: Draft, review: DraftReview | null): Diagnostic[] {
    return noteProblems(review).map((problem) => diagnosticOf(draft, problem));
  }

  /** `versioned`: edits name the document version (see documentEdit). */
  codeActions(draft: Draft, packs: readonly CompiledPack[], params: CodeActionParams, versioned = false): CodeAction[] {
    const review = this.review(draft, packs);
    if (!review || review.optedOut) return [];
    if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind) || kind.startsWith(CodeActionKind.QuickFix))) return [];
    const { document } = draft;
    const range = toSpan(document, params.range);
    const actions: CodeAction[] = [];
    const edit = (edits: TextEdit[]) => documentEdit(document, edits, versioned);

    const context = { text: document.getText(), findings: [], recheck: () => () => [], quotationsOf: (pack: CompiledPack) => this.library.quotationsOf(pack) };
    for (const problem of noteProblems(review)) {
      if (!touches(problem.span, range)) continue;
      const fixes = problemFixes(problem, packs, context);
      if (!fixes.length) continue;
      const diagnostics = params.context.diagnostics.filter((d) => d.code === problem.code && touches(toSpan(document, d.range), problem.span));
      for (const fix of fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          isPreferred: fix.preferred,
          edit: edit(fix.edits.map((e) => ({ range: toRange(document, e), newText: e.newText }))),
        });
      }
    }
    actions.push(...this.suppressionActions(draft, params, versioned));
    return actions;
  }

  private suppressionActions(draft: Draft, params: CodeActionParams, versioned: boolean): CodeAction[] {
    const { document } = draft;
    const text = document.getText();
    const newsDraft = draftKindOf(document.languageId) === 'news-draft';
    const directive = (body: string) => (newsDraft ? `[[${body}]]` : `<!-- ${body} -->`);
    const actions: CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string' || NOT_SILENCEABLE.has(diagnostic.code)) continue;
      const code = diagnostic.code;
      const line = diagnostic.range.start.line;
      if (seen.has(`${code}:${line}`)) continue;
      seen.add(`${code}:${line}`);
      const lineStart = document.offsetAt({ line, character: 0 });
      const before = text.slice(lineStart, document.offsetAt(diagnostic.range.start));
      let insert: TextEdit;
      if (/^[ \t]*$/.test(before)) {
        insert = { range: toRange(document, { start: lineStart, end: lineStart }), newText: `${before}${directive(`claim-lens-disable-next-line ${code}`)}\n` };
      } else {
        // Mid-paragraph, in a list item or a header line: a comment on the line itself.
        const lineEnd = document.offsetAt({ line: line + 1, character: 0 });
        const end = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '').length + lineStart;
        insert = { range: toRange(document, { start: end, end }), newText: ` ${directive(`claim-lens-disable-line ${code}`)}` };
      }
      actions.push({ title: `Silence ${code} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: documentEdit(document, [insert], versioned) });
      const top = topOfDraft(text, draftKindOf(document.languageId));
      actions.push({
        title: `Silence ${code} in this draft`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: documentEdit(document, [{ range: toRange(document, { start: top, end: top }), newText: `${directive(`claim-lens-disable ${code}`)}\n\n` }], versioned),
      });
    }
    return actions;
  }

  hover(draft: Draft, packs: readonly CompiledPack[], position: Position, claimHover: Hover | null): Hover | null {
    const review = this.review(draft, packs);
    if (!review || review.optedOut) return claimHover;
    const text = draft.document.getText();
    const offset = toOffset(draft.document, position);
    const parts: string[] = [];
    let range = claimHover?.range;

    const check = review.quoteChecks.find((c) => c.quotation.outer.start <= offset && offset <= c.quotation.outer.end);
    if (check) {
      const pack = packs.find((p) => p.parties.has(check.quotation.speaker.partyId));
      if (pack) {
        parts.push(quoteCard(pack, check, review.notes.find((n) => n.quote === check)));
        range ??= toRange(draft.document, check.quotation.outer);
      }
    }
    for (const pack of packs) {
      const hit = entityAt(text, offset, pack);
      if (hit) {
        parts.push(entityCard(hit, this.library.mentionsOf(pack).get(hit.entity.key) ?? [], pack));
        range ??= toRange(draft.document, hit.span);
        break;
      }
    }
    if (!parts.length) return claimHover;
    const claimValue = claimHover && typeof claimHover.contents === 'object' && 'value' in claimHover.contents ? claimHover.contents.value : '';
    return { contents: { kind: MarkupKind.Markdown, value: [claimValue, ...parts].filter(Boolean).join('\n\n---\n\n') }, range };
  }

  /** Names a review (undefined for a draft that is not checked): the same name while the review is the same object. */
  stamp(review: DraftReview | null): string | undefined {
    if (!review) return undefined;
    let stamp = this.stamps.get(review);
    if (!stamp) this.stamps.set(review, (stamp = String(++this.stampCount)));
    return stamp;
  }

  /** `since`: the stamp of the report the client shows; unchanged, nothing is built or sent. */
  report(draft: Draft, packs: readonly CompiledPack[], title: string, since?: string): ReportResult {
    const review = this.review(draft, packs);
    if (!review) return { error: draft.skipReason ?? 'this document is not checked' };
    const stamp = this.stamp(review)!;
    if (since === stamp) return { unchanged: true };
    const cached = this.reports.get(review);
    if (cached) return cached;
    const text = draft.document.getText();
    const report = buildReport(title, text, review, packs);
    const links = {
      draft: (line: number) => `${draft.document.uri}#L${line}`,
      // Each pack's sources are beside it: a workspace pack's are in the workspace.
      source: (file: string, line: number, packId: string) => sourceLineLink(file, line, packs.find((pack) => pack.pack.id === packId)),
    };
    const result = { markdown: reportMarkdown(report, links), html: reportHtml(report, links), totals: report.totals, stamp };
    this.reports.set(review, result);
    return result;
  }
}

/** Where a draft-wide directive goes: after front matter, or at the very top. */
function topOfDraft(text: string, kind: DraftKind): number {
  if (kind === 'plain') return 0;
  const fence = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!fence) return 0;
  const close = new RegExp(`^(?:${fence[1] === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*(?:\\r?\\n|$)`, 'm').exec(text.slice(fence[0].length));
  return close ? fence[0].length + close.index + close[0].length : 0;
}

/** Links to lines of the pack's own source files. */
function sourceLinks(places: ReadonlyArray<{ file: string; line: number }>, pack: CompiledPack): string {
  const shown = places.slice(0, MAX_SOURCE_LINKS).map((p) => `[${escape(labelOfFile(pack.pack.sources, p.file))}, line ${p.line}](${sourceLineLink(p.file, p.line, pack)})`);
  const more = places.length > MAX_SOURCE_LINKS ? ` and ${places.length - MAX_SOURCE_LINKS} more` : '';
  return shown.join(' · ') + more;
}

function entityCard(hit: EntityHit, mentions: ReadonlyArray<{ file: string; line: number }>, pack: CompiledPack): string {
  const { entity } = hit;
  const lines = [`**${escape(entity.name)}** · ${entity.kind}${entity.speaksFor ? ` · speaks for ${escape(entity.speaksFor)}` : ''}`, '', escape(entity.description)];
  lines.push('', mentions.length ? `**In the sources:** ${sourceLinks(mentions, pack)}` : '**In the sources:** not mentioned');
  return lines.join('\n');
}

function quoteCard(pack: CompiledPack, check: DraftReview['quoteChecks'][number], note: WorkflowNote | undefined): string {
  const speaker = escape(speakerName(pack, check.quotation.speaker));
  const lines: string[] = [];
  if (check.verdict === 'verbatim') {
    const own = check.matches.find((m) => m.speaker.partyId === check.quotation.speaker.partyId) ?? check.matches[0];
    lines.push(`**Claim Lens** · quotation · **Matches the sources**`, '', `${speaker}, as quoted in ${sourceLinks([{ file: own.file, line: own.pieces[0].line }], pack)}.`);
    return lines.join('\n');
  }
  const label = check.verdict === 'misattributed' ? 'Misattributed' : 'Not in the sources';
  lines.push(`**Claim Lens** · quotation · **${label}**`, '');
  if (note) lines.push(escape(note.message), '');
  if (check.closest.length) {
    lines.push(check.verdict === 'misattributed' ? '**Sourced as:**' : '**Closest sourced versions:**');
    for (const version of check.closest) {
      lines.push(`- “${escape(version.text)}” — ${escape(speakerName(pack, version.quotation.speaker))}, ${sourceLinks([{ file: version.quotation.file, line: version.line }], pack)}`);
    }
  } else {
    lines.push(`The sources carry no quotation from ${speaker}.`);
  }
  return lines.join('\n');
}
