import type { Finding } from '../analysis/block';
import type { Framing } from '../framing/frame';
import type { CompiledPack } from '../pack/compile';
import type { ClaimStatus } from '../pack/types';
import { attributionSuffix, framingLabel, stanceLabel, statusLabel } from '../report/messages';
import { labelOfFile, sourceLabel } from '../report/sourceNames';
import type { QuoteCheck, QuoteVerdict } from './quoteCheck';
import { LineIndex } from '../text/lines';
import { speakerName, type DraftReview } from './review';

// The attribution report an editor reads before publication: every claim the draft makes,
// attributed or not, with its status, claimant, sources and the draft lines it is on; the
// quotations checked against the sources; the TK markers left. Built once from a review,
// rendered as Markdown (CLI, "open as Markdown") or HTML (the VS Code webview).

export interface ReportPlace {
  line: number;
  column: number;
}

export interface ReportOccurrence extends ReportPlace {
  framing: Framing;
  verdict: string;
  sentence: string;
  /** The source as the sentence names it. */
  source?: string;
  /** Line of the directive that silences it. */
  suppressedBy?: number;
  /** Unattributed, misattributed, vague or unclear, and not silenced: the reporter has work here. */
  needsWork: boolean;
}

export interface ReportExcerpt {
  file?: string;
  title: string;
  /** The source named by outlet: "Rewritten BBC report". */
  label: string;
  line: number;
  text: string;
}

export interface ReportClaim {
  packId: string;
  claimId: string;
  summary: string;
  status: ClaimStatus;
  statusLabel: string;
  claimant: string;
  counterClaims: string[];
  attributeAs: string;
  /** Some occurrence is unattributed, misattributed, vague or unclear (and not silenced). */
  needsWork: boolean;
  occurrences: ReportOccurrence[];
  excerpts: ReportExcerpt[];
}

export interface ReportQuotation extends ReportPlace {
  /** The pack whose sources were compared (its speaker's pack). */
  packId: string;
  text: string;
  speaker: string;
  verdict: QuoteVerdict;
  closest: Array<{ text: string; speaker: string; file: string; label: string; line: number }>;
  suppressedBy?: number;
}

export interface AttributionReport {
  title: string;
  optedOut: boolean;
  totals: { claims: number; needWork: number; unattributed: number; misattributed: number; vague: number; attributed: number; suppressed: number; tk: number; quotations: number; quotationsToCheck: number };
  claims: ReportClaim[];
  quotations: ReportQuotation[];
  tk: Array<ReportPlace & { marker: string }>;
}

const NEEDS_WORK = new Set<Framing>(['unattributed', 'misattributed', 'weak', 'unclear']);
const snippet = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function buildReport(title: string, text: string, review: DraftReview, packs: readonly CompiledPack[]): AttributionReport {
  const lines = new LineIndex(text);
  // A binary search per place: a draft of one long line holds thousands of them.
  const place = (offset: number): ReportPlace => {
    const { line, column } = lines.positionOf(offset);
    return { line: line + 1, column: column + 1 };
  };
  const claims = new Map<string, ReportClaim>();
  const occurrence = (finding: Finding, suppressedAt?: number) => {
    const pack = packs.find((p) => p.pack.id === finding.packId);
    const compiled = pack?.claimById.get(finding.claimId);
    if (!pack || !compiled) return;
    const { claim } = compiled;
    const key = `${finding.packId}/${finding.claimId}`;
    let entry = claims.get(key);
    if (!entry) {
      entry = {
        packId: finding.packId,
        claimId: claim.id,
        summary: claim.summary,
        status: claim.status,
        statusLabel: statusLabel(claim.status),
        claimant: claim.claimantLabel,
        counterClaims: (claim.counterClaims ?? []).map((counter) => `${stanceLabel(counter.stance, pack.parties.get(counter.party)?.name ?? counter.party)}: ${counter.summary}`),
        attributeAs: `…, ${attributionSuffix(claim)}.`,
        needsWork: false,
        occurrences: [],
        excerpts: claim.excerpts.map((excerpt) => {
          const source = pack.pack.sources.find((s) => s.id === excerpt.source);
          return { file: source?.file, title: source?.title ?? excerpt.source, label: sourceLabel(source, excerpt.source), line: excerpt.line, text: excerpt.text };
        }),
      };
      claims.set(key, entry);
    }
    const needsWork = NEEDS_WORK.has(finding.framing) && !(finding.framing !== 'weak' && finding.framing !== 'unclear' && claim.status === 'reported') && suppressedAt === undefined;
    if (needsWork) entry.needsWork = true;
    entry.occurrences.push({
      needsWork,
      ...place(finding.sentence.start),
      framing: finding.framing,
      verdict: framingLabel(finding.framing),
      sentence: snippet(text.slice(finding.sentence.start, finding.sentence.end)),
      source: finding.source?.text || undefined,
      suppressedBy: suppressedAt,
    });
  };
  for (const finding of review.findings) occurrence(finding);
  for (const { item, directive } of review.suppressedFindings) occurrence(item, place(directive.span.start).line);
  const claimList = [...claims.values()];
  for (const claim of claimList) claim.occurrences.sort((a, b) => a.line - b.line || a.column - b.column);
  claimList.sort((a, b) => a.occurrences[0].line - b.occurrences[0].line || a.occurrences[0].column - b.occurrences[0].column);

  // The directive line silencing each quotation's note, by quote check.
  const silencedQuotes = new Map<QuoteCheck, number>();
  for (const { item, directive } of review.suppressedNotes) if (item.quote) silencedQuotes.set(item.quote, place(directive.span.start).line);
  const quotations: ReportQuotation[] = review.quoteChecks.map((check) => {
    const pack = packs.find((p) => p.parties.has(check.quotation.speaker.partyId))!;
    return {
      ...place(check.quotation.outer.start),
      packId: pack.pack.id,
      text: snippet(text.slice(check.quotation.inner.start, check.quotation.inner.end), 200),
      speaker: speakerName(pack, check.quotation.speaker),
      verdict: check.verdict,
      closest: (check.verdict === 'verbatim' ? [] : check.closest).map((version) => ({
        text: version.text,
        speaker: speakerName(pack, version.quotation.speaker),
        file: version.quotation.file,
        label: labelOfFile(pack.pack.sources, version.quotation.file),
        line: version.line,
      })),
      suppressedBy: silencedQuotes.get(check),
    };
  });
  const tk = review.notes.filter((note) => note.code === 'tk').map((note) => ({ ...place(note.span.start), marker: text.slice(note.span.start, note.span.end) }));

  const all = claimList.flatMap((claim) => claim.occurrences);
  const live = all.filter((o) => o.suppressedBy === undefined);
  return {
    title,
    optedOut: review.optedOut,
    totals: {
      claims: claimList.length,
      needWork: claimList.filter((claim) => claim.needsWork).length,
      unattributed: live.filter((o) => o.framing === 'unattributed').length,
      misattributed: live.filter((o) => o.framing === 'misattributed').length,
      vague: live.filter((o) => o.framing === 'weak' || o.framing === 'unclear').length,
      attributed: live.filter((o) => o.framing === 'attributed' || o.framing === 'reported').length,
      suppressed: all.length - live.length,
      tk: tk.length,
      quotations: quotations.length,
      quotationsToCheck: quotations.filter((q) => q.verdict !== 'verbatim' && q.suppressedBy === undefined).length,
    },
    claims: claimList,
    quotations,
    tk,
  };
}

export interface ReportLinks {
  /** Link to a line of the draft. */
  draft(line: number): string;
  /** Link to a line of a source file of a pack (each pack keeps its own sources), or undefined when there is none. */
  source(file: string, line: number, packId: string): string | undefined;
}

const mdEscape = (text: string) => text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * Claims and the sentences that mention them, counted apart: "2 of 5 claims need attribution,
 * in 3 sentences (2 unattributed, 1 vague) · 3 claims attributed · 1 of 2 quotations to check
 * · 1 TK".
 */
function summaryLine(report: AttributionReport): string {
  const t = report.totals;
  const sentences = report.claims.flatMap((claim) => claim.occurrences).filter((o) => o.needsWork);
  const kinds = [`${t.unattributed} unattributed`, `${t.misattributed} misattributed`, `${t.vague} vague`].filter((kind) => !kind.startsWith('0 '));
  const parts = [
    t.needWork ? `${t.needWork} of ${plural(t.claims, 'claim')} need${t.needWork === 1 ? 's' : ''} attribution, in ${plural(sentences.length, 'sentence')} (${kinds.join(', ')})` : `${plural(t.claims, 'claim')}, none to attribute`,
  ];
  if (t.claims - t.needWork) parts.push(`${plural(t.claims - t.needWork, 'claim')} attributed`);
  parts.push(`${t.quotationsToCheck} of ${plural(t.quotations, 'quotation')} to check`, `${t.tk} TK`);
  if (t.suppressed) parts.push(`${t.suppressed} silenced by directives`);
  return parts.join(' · ');
}

const QUOTE_VERDICT: Record<QuoteVerdict, string> = {
  verbatim: 'matches the sources',
  unsourced: 'not in the sources',
  misattributed: 'misattributed',
};

/** The report's parts in the order an editor works through them: what needs action first. */
function sectionsOf(report: AttributionReport) {
  const live = (q: ReportQuotation) => q.suppressedBy === undefined;
  return {
    // In the order of the first sentence to fix.
    toAttribute: report.claims
      .filter((claim) => claim.needsWork)
      .map((claim) => ({ claim, first: claim.occurrences.find((o) => o.needsWork)! }))
      .sort((a, b) => a.first.line - b.first.line || a.first.column - b.first.column)
      .map(({ claim }) => claim),
    attributed: report.claims.filter((claim) => !claim.needsWork && claim.occurrences.some((o) => o.suppressedBy === undefined)),
    quotationsToCheck: report.quotations.filter((q) => live(q) && q.verdict !== 'verbatim'),
    quotationsMatching: report.quotations.filter((q) => live(q) && q.verdict === 'verbatim'),
    silenced: [
      ...report.claims.flatMap((claim) => claim.occurrences.filter((o) => o.suppressedBy !== undefined).map((o) => ({ line: o.line, what: claim.claimId, by: o.suppressedBy! }))),
      ...report.quotations.filter((q) => !live(q)).map((q) => ({ line: q.line, what: `quotation (${q.speaker})`, by: q.suppressedBy! })),
    ].sort((a, b) => a.line - b.line),
  };
}

/** The front matter that keeps Claim Lens from checking the report itself (it quotes the draft's sentences). */
export const REPORT_OPT_OUT = '---\nclaim-lens: off\n---\n';

export function reportMarkdown(report: AttributionReport, links: ReportLinks): string {
  const out: string[] = [REPORT_OPT_OUT, `# Attribution report: ${mdEscape(report.title)}`, ''];
  if (report.optedOut) {
    out.push('This draft opts out of Claim Lens (`claim-lens: off`): nothing was checked.');
    return `${out.join('\n')}\n`;
  }
  out.push(summaryLine(report), '');
  const sourceLink = (packId: string, file: string | undefined, line: number, label: string) => {
    const href = file ? links.source(file, line, packId) : undefined;
    return href ? `[${mdEscape(label)}](${href})` : mdEscape(label);
  };
  const draftLink = (line: number) => `[line ${line}](${links.draft(line)})`;
  const sections = sectionsOf(report);
  if (!report.claims.length) out.push('No claims from the pack were recognised in this draft.', '');

  if (sections.toAttribute.length) {
    out.push('## To attribute', '');
    for (const claim of sections.toAttribute) {
      out.push(`### \`${claim.claimId}\`: ${mdEscape(claim.summary)}`, '');
      out.push(`${claim.statusLabel} · claimed by ${mdEscape(claim.claimant)} · attribute it: “${mdEscape(claim.attributeAs)}”`, '');
      for (const o of claim.occurrences.filter((o) => o.needsWork)) {
        out.push(`- ${draftLink(o.line)} **${o.verdict}**${o.source ? ` (${mdEscape(o.source)})` : ''}: “${mdEscape(o.sentence)}”`);
      }
      const fine = claim.occurrences.filter((o) => !o.needsWork && o.suppressedBy === undefined);
      if (fine.length) out.push(`- attributed on ${fine.map((o) => draftLink(o.line)).join(', ')}`);
      for (const counter of claim.counterClaims) out.push(`- ${mdEscape(counter)}`);
      if (claim.excerpts.length) {
        out.push('- sources:');
        for (const excerpt of claim.excerpts) out.push(`  - ${sourceLink(claim.packId, excerpt.file, excerpt.line, `${excerpt.label}, line ${excerpt.line}`)}: “${mdEscape(excerpt.text)}”`);
      }
      out.push('');
    }
  }
  const quotation = (q: ReportQuotation) => {
    const verdict = q.verdict === 'verbatim' ? QUOTE_VERDICT.verbatim : `**${QUOTE_VERDICT[q.verdict]}**`;
    out.push(`- ${draftLink(q.line)} ${mdEscape(q.speaker)}: “${mdEscape(q.text)}” — ${verdict}`);
    for (const version of q.closest) out.push(`  - ${mdEscape(version.speaker)}, ${sourceLink(q.packId, version.file, version.line, `${version.label}, line ${version.line}`)}: “${mdEscape(version.text)}”`);
  };
  if (sections.quotationsToCheck.length) {
    out.push('## Quotations to check', '');
    sections.quotationsToCheck.forEach(quotation);
    out.push('');
  }
  if (report.tk.length) {
    out.push('## Still to come (TK)', '', report.tk.map((t) => `${draftLink(t.line)} ${t.marker}`).join(' · '), '');
  }
  if (sections.attributed.length) {
    out.push('## Attributed', '');
    for (const claim of sections.attributed) {
      const where = claim.occurrences.filter((o) => o.suppressedBy === undefined).map((o) => `${draftLink(o.line)}${o.source ? ` (${mdEscape(o.source)})` : ''}`);
      out.push(`- \`${claim.claimId}\` ${mdEscape(claim.summary)} — ${where.join(', ')}`);
    }
    out.push('');
  }
  if (sections.quotationsMatching.length) {
    out.push('## Quotations that match the sources', '');
    sections.quotationsMatching.forEach(quotation);
    out.push('');
  }
  if (sections.silenced.length) {
    out.push('## Silenced', '');
    for (const item of sections.silenced) out.push(`- ${draftLink(item.line)} ${mdEscape(item.what)}: silenced (directive on line ${item.by})`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An HTML fragment (no <html> shell); draft links carry data-line for the webview to follow. */
export function reportHtml(report: AttributionReport, links: ReportLinks): string {
  const out: string[] = [`<h1>Attribution report: ${html(report.title)}</h1>`];
  if (report.optedOut) {
    out.push('<p>This draft opts out of Claim Lens (<code>claim-lens: off</code>): nothing was checked.</p>');
    return out.join('\n');
  }
  const draftLink = (line: number, label = `line ${line}`) => `<a href="${html(links.draft(line))}" data-line="${line}">${html(label)}</a>`;
  const sourceLink = (packId: string, file: string | undefined, line: number, label: string) => {
    const href = file ? links.source(file, line, packId) : undefined;
    return href ? `<a href="${html(href)}" data-source="${html(file!)}" data-source-line="${line}">${html(label)}</a>` : html(label);
  };
  const sections = sectionsOf(report);
  out.push(`<p class="summary">${html(summaryLine(report))}</p>`);
  if (!report.claims.length) out.push('<p>No claims from the pack were recognised in this draft.</p>');

  if (sections.toAttribute.length) {
    out.push('<h2>To attribute</h2>');
    for (const claim of sections.toAttribute) {
      out.push(`<section class="claim needs-work"><h3>${html(claim.summary)}</h3>`);
      out.push(`<p class="meta"><code>${html(claim.claimId)}</code> · ${html(claim.statusLabel)} · claimed by ${html(claim.claimant)} · attribute it: “${html(claim.attributeAs)}”</p><ul>`);
      for (const o of claim.occurrences.filter((o) => o.needsWork)) {
        out.push(`<li class="occurrence">${draftLink(o.line)} <span class="framing ${o.framing}">${html(o.verdict)}</span>${o.source ? ` (${html(o.source)})` : ''}: “${html(o.sentence)}”</li>`);
      }
      const fine = claim.occurrences.filter((o) => !o.needsWork && o.suppressedBy === undefined);
      if (fine.length) out.push(`<li class="also">attributed on ${fine.map((o) => draftLink(o.line)).join(', ')}</li>`);
      out.push('</ul>');
      if (claim.counterClaims.length) out.push(`<p class="counter">${claim.counterClaims.map(html).join('<br>')}</p>`);
      if (claim.excerpts.length) {
        out.push(`<details><summary>Sources (${claim.excerpts.length})</summary><ul>`);
        for (const excerpt of claim.excerpts) out.push(`<li>${sourceLink(claim.packId, excerpt.file, excerpt.line, `${excerpt.label}, line ${excerpt.line}`)}: “${html(excerpt.text)}”</li>`);
        out.push('</ul></details>');
      }
      out.push('</section>');
    }
  }
  const quotations = (list: ReportQuotation[]) => {
    out.push('<ul>');
    for (const q of list) {
      const verdict = q.verdict === 'verbatim' ? QUOTE_VERDICT.verbatim : `<b>${QUOTE_VERDICT[q.verdict]}</b>`;
      out.push(`<li>${draftLink(q.line)} ${html(q.speaker)}: “${html(q.text)}” — ${verdict}`);
      if (q.closest.length) {
        out.push('<ul>');
        for (const version of q.closest) out.push(`<li>${html(version.speaker)}, ${sourceLink(q.packId, version.file, version.line, `${version.label}, line ${version.line}`)}: “${html(version.text)}”</li>`);
        out.push('</ul>');
      }
      out.push('</li>');
    }
    out.push('</ul>');
  };
  if (sections.quotationsToCheck.length) {
    out.push('<h2>Quotations to check</h2>');
    quotations(sections.quotationsToCheck);
  }
  if (report.tk.length) out.push(`<h2>Still to come (TK)</h2><p>${report.tk.map((t) => `${draftLink(t.line)} ${html(t.marker)}`).join(' · ')}</p>`);
  if (sections.attributed.length) {
    out.push('<h2>Attributed</h2><ul class="attributed">');
    for (const claim of sections.attributed) {
      const where = claim.occurrences.filter((o) => o.suppressedBy === undefined).map((o) => `${draftLink(o.line)}${o.source ? ` (${html(o.source)})` : ''}`);
      out.push(`<li><code>${html(claim.claimId)}</code> ${html(claim.summary)} — ${where.join(', ')}</li>`);
    }
    out.push('</ul>');
  }
  if (sections.quotationsMatching.length) {
    out.push('<h2>Quotations that match the sources</h2>');
    quotations(sections.quotationsMatching);
  }
  if (sections.silenced.length) {
    out.push('<h2>Silenced</h2><ul class="silenced">');
    for (const item of sections.silenced) out.push(`<li>${draftLink(item.line)} ${html(item.what)}: silenced (directive on line ${item.by})</li>`);
    out.push('</ul>');
  }
  return out.join('\n');
}
