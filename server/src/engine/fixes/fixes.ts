import type { Finding } from '../analysis/block';
import { SEVERITY_RANK } from '../framing/frame';
import type { Claim } from '../pack/types';
import { attributionSuffix } from '../report/messages';
import { isCommonWord } from '../text/fuzzy';

// Quick fixes for a finding: rewrites of its sentence that attribute the claim the way a
// copy editor would. Every candidate is re-analysed before it is offered (`recheck`), so
// a fix that would leave the claim flagged is never the preferred one.

export interface TextEdit {
  /** Document offsets. */
  start: number;
  end: number;
  newText: string;
}

export type FixKind = 'attribute' | 'correct-source' | 'name-source' | 'add-denial' | 'mark-alleged';

export interface Fix {
  title: string;
  kind: FixKind;
  edits: TextEdit[];
  preferred: boolean;
}

/**
 * Findings after the finding's sentence — or `span`, a stretch of its block holding it — is
 * replaced by `replacement`.
 */
export type Recheck = (replacement: string, span?: { start: number; end: number }) => Finding[];

interface Candidate {
  title: string;
  kind: FixKind;
  /** The whole new sentence. */
  sentence: string;
}

const TERMINAL = /([.!?…]*)(["”’')\]]*)$/u;
const HEDGE_ADVERB = /\s*\b(reportedly|allegedly|purportedly|apparently|supposedly|seemingly|ostensibly)\b,?/iu;
const AGENTLESS_PASSIVE = /^(is|are|was|were|been|being|has been|have been|had been|is being|are being|was being|were being)\s+(?:\p{L}+ly\s+)?(?:\p{L}+(?:ed|en)|held|said|thought|told|shown|seen|known|cast|put)(?:\s+(?:responsible|accountable))?$/iu;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const AGREEMENT: Record<string, string> = { say: 'says', claim: 'claims', allege: 'alleges', report: 'reports', suggest: 'suggests', believe: 'believes', insist: 'insists', tell: 'tells', warn: 'warns', estimate: 'estimates' };

/** "According to the Kremlin, two drones…": the old first word is lower-cased unless it is a name. */
function withPrefix(sentence: string, prefix: string): string {
  const first = /^(["“‘']?)(\p{L}[\p{L}'’-]*)/u.exec(sentence);
  if (!first) return `${prefix}${sentence}`;
  const word = first[2];
  const lower = word.toLowerCase();
  const keepCase = word === 'I' || !isCommonWord(lower) || (word !== capitalise(lower) && word !== lower);
  return `${prefix}${first[1]}${keepCase ? word : lower}${sentence.slice(first[0].length)}`;
}

/** "Two drones attacked the Kremlin, the Kremlin said." — or null when the sentence does not end in a full stop. */
function withSuffix(sentence: string, attribution: string): string | null {
  const match = TERMINAL.exec(sentence)!;
  const [tail, stops, quotes] = match;
  if (stops.includes('?') || stops.includes('!')) return null;
  const body = sentence.slice(0, sentence.length - tail.length);
  if (!body.trim()) return null;
  return quotes ? `${body},${quotes} ${attribution}.` : `${body}, ${attribution}.`;
}

/** "alleged" before the noun phrase at `at`: after a possessor ("Ukraine's alleged drones"), with "a" made "an". */
function markAlleged(sentence: string, at: number): string {
  const possessor = /^[\p{L}.-]+['’]s\s+/u.exec(sentence.slice(at));
  const insertAt = possessor ? at + possessor[0].length : at;
  if (/^alleged\b/i.test(sentence.slice(insertAt)) || /\balleged\s+$/i.test(sentence.slice(0, insertAt))) return sentence;
  let head = sentence.slice(0, insertAt);
  head = head.replace(/\b([Aa])(\s+)$/u, '$1n$2');
  return `${head}alleged ${sentence.slice(insertAt)}`;
}

function headlineSource(claim: Claim): string {
  return capitalise(claim.attribution.source.replace(/^the\s+/i, ''));
}

function candidatesFor(finding: Finding, claim: Claim, sentence: string, sentenceStart: number): Candidate[] {
  const source = claim.attribution.source;
  const according = claim.attribution.according ?? `according to ${source}`;
  const suffixText = attributionSuffix(claim);
  const list: Candidate[] = [];
  const local = (span: { start: number; end: number }) => ({ start: span.start - sentenceStart, end: span.end - sentenceStart });

  const addAttribution = (base: string, titleVerb: string) => {
    if (finding.headline && !TERMINAL.exec(base)![1]) {
      list.push({ title: `${titleVerb}: “${headlineSource(claim)}: …”`, kind: 'attribute', sentence: `${headlineSource(claim)}: ${base}` });
      // A line that already has a label ("2:30 a.m.: residents hear bangs") takes the source at its end.
      list.push({ title: `${titleVerb}: “…, ${according}”`, kind: 'attribute', sentence: `${base.replace(/\s+$/u, '')}, ${according}` });
      return;
    }
    const suffixed = withSuffix(base, suffixText);
    if (suffixed) list.push({ title: `${titleVerb}: “…, ${suffixText}.”`, kind: 'attribute', sentence: suffixed });
    list.push({ title: `${titleVerb}: “${capitalise(according)}, …”`, kind: 'attribute', sentence: withPrefix(base, `${capitalise(according)}, `) });
    // "A; B": an attribution at either end covers one clause. Attribute the clause that holds the claim.
    if (base === sentence) {
      const evidence = local(finding.evidence);
      const clauseEnd = sentence.indexOf(';', evidence.end);
      if (clauseEnd > 0) {
        list.push({ title: `${titleVerb}: “…, ${suffixText}; …”`, kind: 'attribute', sentence: `${sentence.slice(0, clauseEnd)}, ${suffixText}${sentence.slice(clauseEnd)}` });
      }
      const clauseStart = sentence.lastIndexOf(';', evidence.start);
      if (clauseStart >= 0) {
        const head = sentence.slice(0, clauseStart + 1);
        const rest = sentence.slice(clauseStart + 1).replace(/^\s*/u, ' ');
        list.push({ title: `${titleVerb}: “…; ${according}, …”`, kind: 'attribute', sentence: `${head}${withPrefix(rest.trimStart(), ` ${according}, `)}` });
      }
    }
  };

  switch (finding.framing) {
    case 'misattributed':
    case 'unclear': {
      // The speaker of a quotation named in a later sentence: corrected there (see fixesFor).
      if (finding.source && (finding.source.span.start < sentenceStart || finding.source.span.end > sentenceStart + sentence.length)) break;
      if (finding.source?.text && finding.source.span.end > finding.source.span.start) {
        const span = local(finding.source.span);
        const atStart = !sentence.slice(0, span.start).trim() || /^["“‘']$/.test(sentence.slice(0, span.start).trim());
        const corrected = sentence.slice(0, span.start) + (atStart ? capitalise(source) : source) + sentence.slice(span.end);
        list.push({ title: `Attribute to ${source}, not “${finding.source.text}”`, kind: 'correct-source', sentence: corrected });
      }
      addAttribution(sentence, `Attribute to ${source}`);
      break;
    }
    case 'weak': {
      if (finding.source?.text && finding.source.span.end > finding.source.span.start && finding.source.ref.kind !== 'artifact') {
        const span = local(finding.source.span);
        const atStart = !sentence.slice(0, span.start).trim();
        let rest = sentence.slice(span.end);
        const verb = /^(\s+)(\p{L}+)/u.exec(rest);
        if (verb && AGREEMENT[verb[2].toLowerCase()]) rest = `${verb[1]}${AGREEMENT[verb[2].toLowerCase()]}${rest.slice(verb[0].length)}`;
        list.push({
          title: `Name the source: ${source} instead of “${finding.source.text}”`,
          kind: 'name-source',
          sentence: sentence.slice(0, span.start) + (atStart ? capitalise(source) : source) + rest,
        });
      }
      // An agentless passive ("Kyiv was blamed for …", "is said to"): give it its agent.
      if (!finding.source?.text && finding.hedge && AGENTLESS_PASSIVE.test(finding.hedge.text)) {
        const end = local(finding.hedge.span).end;
        if (!/^\s+by\b/i.test(sentence.slice(end))) {
          list.push({ title: `Name the source: “${finding.hedge.text} by ${source}”`, kind: 'name-source', sentence: `${sentence.slice(0, end)} by ${source}${sentence.slice(end)}` });
        }
      }
      // Drop a hedge adverb ("reportedly") when naming the source; otherwise attribute around it.
      const withoutHedge = sentence.replace(HEDGE_ADVERB, '');
      addAttribution(withoutHedge, 'Name the source');
      break;
    }
    case 'unattributed': {
      // A presupposing noun phrase ("Wednesday's drone attack on the Kremlin has rattled …"):
      // mark it as alleged; attributing the whole sentence would put the rest in the claimant's mouth.
      if (finding.form === 'np') {
        list.push({ title: 'Mark it as alleged: “alleged …”', kind: 'mark-alleged', sentence: markAlleged(sentence, finding.evidence.start - sentenceStart) });
      }
      // Inside ", which … ,", ", who … ," or ", whose … ,": attribute within the aside, which is the writer's own.
      const evidence = local(finding.evidence);
      for (const aside of sentence.matchAll(/,\s*(?:which|who|whom|whose)\b[^,;]*(?=,)/giu)) {
        const end = aside.index! + aside[0].length;
        if (evidence.start < end && evidence.end > aside.index!) {
          list.push({ title: `Attribute to ${source}: “…, ${according}, …”`, kind: 'attribute', sentence: `${sentence.slice(0, end)} ${according}${sentence.slice(end)}` });
        }
      }
      addAttribution(sentence, `Attribute to ${source}`);
      break;
    }
    default:
      break;
  }
  return list;
}

const stillFlagged = (findings: Finding[], claimId: string) =>
  findings.some((f) => f.claimId === claimId && SEVERITY_RANK[f.framing] > 0);

export function fixesFor(finding: Finding, claim: Claim, documentText: string, recheck: Recheck): Fix[] {
  const { start, end } = finding.sentence;
  const sentence = documentText.slice(start, end);
  const seen = new Set<string>();
  const verified: Candidate[] = [];
  for (const candidate of candidatesFor(finding, claim, sentence, start)) {
    if (seen.has(candidate.sentence) || candidate.sentence === sentence) continue;
    seen.add(candidate.sentence);
    let findings = recheck(candidate.sentence);
    // The same claim presupposed twice ("drones over the Kremlin …, without Ukraine's drones
    // over the Kremlin"): mark each mention.
    for (let round = 0; candidate.kind === 'mark-alleged' && round < 3; round++) {
      const other = findings.find((f) => f.claimId === finding.claimId && f.form === 'np' && SEVERITY_RANK[f.framing] > 0);
      if (!other) break;
      const marked = markAlleged(candidate.sentence, other.evidence.start - other.sentence.start);
      if (marked === candidate.sentence) break;
      candidate.sentence = marked;
      findings = recheck(candidate.sentence);
    }
    if (!stillFlagged(findings, finding.claimId)) verified.push(candidate);
  }
  const fixes: Fix[] = verified.map((candidate, i) => ({
    title: candidate.title,
    kind: candidate.kind,
    edits: [minimalEdit(sentence, candidate.sentence, start)],
    preferred: i === 0,
  }));
  const speakerFix = outsideSpeakerFix(finding, claim, documentText, recheck);
  if (speakerFix) {
    for (const fix of fixes) fix.preferred = false;
    fixes.unshift(speakerFix);
  }
  const attributed = verified.find((candidate) => candidate.kind !== 'mark-alleged');
  if (claim.denial && attributed) {
    fixes.push({
      title: `${attributed.title.replace(/:.*$/, '')} and add the denial: “${claim.denial}”`,
      kind: 'add-denial',
      edits: [minimalEdit(sentence, `${attributed.sentence} ${claim.denial}`, start)],
      preferred: false,
    });
  }
  return fixes;
}

/**
 * "“We don't attack Putin. We fight on our territory,” Peskov told reporters": the wrong
 * speaker of a quotation sits in another sentence of the block; the fix renames them there.
 */
function outsideSpeakerFix(finding: Finding, claim: Claim, documentText: string, recheck: Recheck): Fix | null {
  const { source, sentence } = finding;
  if ((finding.framing !== 'misattributed' && finding.framing !== 'unclear') || !source || source.span.end <= source.span.start) return null;
  if (source.span.start >= sentence.start && source.span.end <= sentence.end) return null;
  const span = { start: Math.min(sentence.start, source.span.start), end: Math.max(sentence.end, source.span.end) };
  if (/\n\s*\n/.test(documentText.slice(span.start, span.end))) return null;
  const atStart = /(^|[.!?]\s+|\n\s*)$/.test(documentText.slice(Math.max(0, source.span.start - 4), source.span.start));
  const name = atStart ? capitalise(claim.attribution.source) : claim.attribution.source;
  const replacement = documentText.slice(span.start, source.span.start) + name + documentText.slice(source.span.end, span.end);
  if (stillFlagged(recheck(replacement, span), finding.claimId)) return null;
  return {
    title: `Attribute to ${claim.attribution.source}, not “${source.text}”`,
    kind: 'correct-source',
    edits: [{ start: source.span.start, end: source.span.end, newText: name }],
    preferred: true,
  };
}

/** The smallest single edit that turns `before` into `after` (common head and tail kept). */
export function minimalEdit(before: string, after: string, offset: number): TextEdit {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  // Never split a surrogate pair.
  if (head > 0 && /[\uD800-\uDBFF]/.test(before[head - 1])) head--;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) tail++;
  if (tail > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - tail])) tail--;
  return { start: offset + head, end: offset + before.length - tail, newText: after.slice(head, after.length - tail) };
}
