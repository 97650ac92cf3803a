import type { Finding } from '../analysis/block';
import { SEVERITY_RANK } from '../framing/frame';
import type { Claim } from '../pack/types';
import { attributionSuffix } from '../report/messages';
import { isCommonWord } from '../text/fuzzy';
import { capitalise, headlineAttribution, isTitleCase } from './headline';

// Quick fixes for a finding: rewrites of its sentence that attribute the claim the way a
// copy editor would. Every candidate is re-analysed before it is offered (`recheck`): a fix
// that leaves the claim flagged, repeats an attribution the sentence already has or names
// the claimant twice is never offered, and one that also clears the other claims of the
// sentence from the same claimant comes first. A headline keeps its case and takes a
// headline attribution (headline.ts).

export interface TextEdit {
  /** Document offsets. */
  start: number;
  end: number;
  newText: string;
}

export type FixKind = 'attribute' | 'correct-source' | 'name-source' | 'add-denial' | 'mark-alleged' | 'quote-verbatim' | 'quote-speaker';

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
  /** Offered only when no other candidate clears the claim (it reads less well). */
  fallback?: boolean;
}

/** Closing punctuation, then closing quotation marks, then invisible format characters (zero-width space, soft hyphen, direction marks, joiners, variation selectors). */
const TERMINAL = /([.!?…]*)(["”’')\]]*)([\p{Cf}\uFE00-\uFE0F]*)$/u;
/** What may open a sentence before its first word: quotation marks, Markdown emphasis, a link's "[". */
const OPENERS = /^["“‘'*_[]*$/u;
const HEDGE_ADVERB = /\s*\b(reportedly|allegedly|purportedly|apparently|supposedly|seemingly|ostensibly)\b,?/iu;
const AGENTLESS_PASSIVE = /^(is|are|was|were|been|being|has been|have been|had been|is being|are being|was being|were being)\s+(?:\p{L}+ly\s+)?(?:\p{L}+(?:ed|en)|held|said|thought|told|shown|seen|known|cast|put)(?:\s+(?:responsible|accountable))?$/iu;
const AGREEMENT: Record<string, string> = { say: 'says', claim: 'claims', allege: 'alleges', report: 'reports', suggest: 'suggests', believe: 'believes', insist: 'insists', tell: 'tells', warn: 'warns', estimate: 'estimates' };

/** "According to the Kremlin, two drones…": the old first word is lower-cased unless it is a name. */
function withPrefix(sentence: string, prefix: string): string {
  const first = /^(["“‘'*_[]*)(\p{L}[\p{L}'’-]*)/u.exec(sentence);
  if (!first) return `${prefix}${sentence}`;
  const word = first[2];
  const lower = word.toLowerCase();
  const keepCase = word === 'I' || !isCommonWord(lower) || (word !== capitalise(lower) && word !== lower);
  return `${prefix}${first[1]}${keepCase ? word : lower}${sentence.slice(first[0].length)}`;
}

/**
 * "Two drones attacked the Kremlin, the Kremlin said." — or null when the sentence does not
 * end in a full stop. Invisible characters after the stop stay after the new one.
 */
function withSuffix(sentence: string, attribution: string): string | null {
  const match = TERMINAL.exec(sentence)!;
  const [tail, stops, quotes, invisible] = match;
  if (stops.includes('?') || stops.includes('!')) return null;
  const body = sentence.slice(0, sentence.length - tail.length);
  if (!body.trim()) return null;
  return quotes ? `${body},${quotes} ${attribution}.${invisible}` : `${body}, ${attribution}.${invisible}`;
}

/**
 * The sentence without its hedge adverb, and how many characters went before `at`: "Two drones
 * reportedly attacked" → "Two drones attacked"; "Reportedly, two drones attacked" → "Two drones
 * attacked" (no space left in front, the new first word capitalised).
 */
function withoutHedge(sentence: string, at: number): { text: string; at: number } {
  const hedge = HEDGE_ADVERB.exec(sentence);
  if (!hedge) return { text: sentence, at };
  const opening = OPENERS.test(sentence.slice(0, hedge.index).trim());
  const removed = opening ? /^\s*/u.exec(sentence.slice(hedge.index + hedge[0].length))![0].length + hedge[0].length : hedge[0].length;
  const head = sentence.slice(0, hedge.index);
  let rest = sentence.slice(hedge.index + removed);
  if (opening) rest = rest.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
  return { text: head + rest, at: hedge.index < at ? Math.max(hedge.index, at - removed) : at };
}

const DETERMINER = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|your)\s+/iu;
const POSSESSOR = /^[\p{L}.-]+['’]s\s+/u;

/**
 * "alleged" before the noun phrase at `at`: after a determiner or a possessor ("the alleged
 * attack", "Ukraine's alleged drones"), with "a" made "an"; at the start of a sentence,
 * "Alleged drones …"; in a title-case headline, "Alleged".
 */
function markAlleged(sentence: string, at: number, titleCase = false): string {
  let insertAt = at;
  for (const skip of [DETERMINER, POSSESSOR]) {
    const found = skip.exec(sentence.slice(insertAt));
    if (found) insertAt += found[0].length;
  }
  if (/^alleged\b/i.test(sentence.slice(insertAt)) || /\balleged\s+$/i.test(sentence.slice(0, insertAt))) return sentence;
  const word = titleCase ? 'Alleged' : 'alleged';
  const head = sentence.slice(0, insertAt);
  if (OPENERS.test(head)) {
    const rest = sentence.slice(insertAt);
    return titleCase ? `${head}${word} ${rest}` : head + withPrefix(rest, 'Alleged ');
  }
  return `${head.replace(/\b([Aa])(\s+)$/u, '$1n$2')}${word} ${sentence.slice(insertAt)}`;
}

/** Where a headline's claim segment ends: the ": " after the claim, or the end. */
function headlineSegmentEnd(headline: string, evidenceEnd: number): number {
  const colon = /:\s/u.exec(headline.slice(evidenceEnd));
  return colon ? evidenceEnd + colon.index : headline.length;
}

function candidatesFor(finding: Finding, claim: Claim, sentence: string, sentenceStart: number): Candidate[] {
  const source = claim.attribution.source;
  const according = claim.attribution.according ?? `according to ${source}`;
  const suffixText = attributionSuffix(claim);
  const list: Candidate[] = [];
  const local = (span: { start: number; end: number }) => ({ start: span.start - sentenceStart, end: span.end - sentenceStart });
  const titleCase = finding.headline && isTitleCase(sentence);

  /** `evidenceEnd`: where the claim's words end in `base`. */
  const addAttribution = (base: string, titleVerb: string, evidenceEnd = local(finding.evidence).end) => {
    if (finding.headline && !TERMINAL.exec(base)![1]) {
      // "…, Kremlin says" at the end of the claim's segment ("Drones over the Kremlin, Kremlin
      // says: what we know"); "Kremlin: …" only when the headline has no label of its own.
      const headline = headlineAttribution(claim, titleCase);
      const end = headlineSegmentEnd(base, Math.min(base.length, evidenceEnd));
      const segment = base.slice(0, end).replace(/\s+$/u, '');
      // "Kremlin says" takes a clause: after or before a noun phrase ("Drones over the Kremlin")
      // it is offered only when nothing else clears the claim.
      const fallback = finding.form !== 'clause';
      if (!/[?!]$/u.test(segment)) {
        list.push({ title: `${titleVerb}: “…${headline.suffix}”`, kind: 'attribute', sentence: `${segment}${headline.suffix}${base.slice(end)}`, fallback });
      }
      if (!/:\s/u.test(base)) list.push({ title: `${titleVerb}: “${headline.label}…”`, kind: 'attribute', sentence: `${headline.label}${base}` });
      if (headline.lead) list.push({ title: `${titleVerb}: “${headline.lead}…”`, kind: 'attribute', sentence: titleCase ? `${headline.lead}${base}` : withPrefix(base, headline.lead), fallback });
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
      // "… (Putin was elsewhere)": the writer's parenthesis is attributed inside its brackets.
      const open = sentence.lastIndexOf('(', evidence.start);
      if (open >= 0 && sentence.lastIndexOf(')', evidence.start) < open && sentence.indexOf(')', evidence.end) > 0) {
        list.push({ title: `${titleVerb}: “(${according}, …)”`, kind: 'attribute', sentence: `${sentence.slice(0, open + 1)}${according}, ${sentence.slice(open + 1)}` });
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
        const atStart = OPENERS.test(sentence.slice(0, span.start).trim());
        const corrected = sentence.slice(0, span.start) + (atStart ? capitalise(source) : source) + sentence.slice(span.end);
        list.push({ title: `Attribute to ${source}, not “${finding.source.text}”`, kind: 'correct-source', sentence: corrected });
      }
      addAttribution(sentence, `Attribute to ${source}`);
      break;
    }
    case 'weak': {
      // The vague speaker of a quotation named in a later sentence: named there (see fixesFor).
      if (finding.source?.text && (finding.source.span.start < sentenceStart || finding.source.span.end > sentenceStart + sentence.length)) break;
      if (finding.source?.text && finding.source.span.end > finding.source.span.start && finding.source.ref.kind !== 'artifact') {
        const span = local(finding.source.span);
        const atStart = OPENERS.test(sentence.slice(0, span.start).trim());
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
      // A vague source named in the sentence ("Officials said …") is replaced, not joined by a second attribution.
      if (list.length && finding.source?.text) break;
      // Drop a hedge adverb ("reportedly") when naming the source; otherwise attribute around it.
      const unhedged = withoutHedge(sentence, local(finding.evidence).end);
      addAttribution(unhedged.text, 'Name the source', unhedged.at);
      break;
    }
    case 'unattributed': {
      // A presupposing noun phrase ("Wednesday's drone attack on the Kremlin has rattled …"):
      // mark it as alleged; attributing the whole sentence would put the rest in the claimant's mouth.
      if (finding.form === 'np') {
        const marked = markAlleged(sentence, finding.evidence.start - sentenceStart, titleCase);
        const capital = /\bAlleged\b/.test(marked) && !/\bAlleged\b/.test(sentence);
        list.push({ title: `Mark it as alleged: “${capital ? 'Alleged' : 'alleged'} …”`, kind: 'mark-alleged', sentence: marked });
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

/** What else the engine found in the finding's sentence, so that one fix serves them all. */
export interface SentenceFindings {
  /** Every finding of the sentence (the finding itself may be among them). */
  findings: readonly Finding[];
  claimOf: (finding: Finding) => Claim | undefined;
}

const occurrences = (text: string, phrase: string) => {
  if (!phrase) return 0;
  let count = 0;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) count++;
  return count;
};

/** "Kremlin spokesman Dmitry Peskov" → "Peskov": the surname of a source that names a person. */
function surnameOf(source: string): string | undefined {
  const name = /(\p{Lu}[\p{L}'’-]+)\s+(\p{Lu}[\p{L}'’-]+)$/u.exec(source);
  return name && !/^(?:the|a)$/i.test(name[1]) ? name[2] : undefined;
}

/**
 * The candidate repeats an attribution the sentence already has ("…, the Kremlin said; …,
 * the Kremlin said.") or names the claimant a second time ("Peskov said …, Kremlin
 * spokesman Dmitry Peskov told RIA Novosti.").
 */
function doublesAttribution(sentence: string, candidate: string, claim: Claim, existing: readonly string[]): boolean {
  const lower = sentence.toLowerCase();
  const lowerCandidate = candidate.toLowerCase();
  const phrases = [attributionSuffix(claim), claim.attribution.according ?? `according to ${claim.attribution.source}`, headlineAttribution(claim, false).suffix.slice(2)].map((phrase) =>
    phrase.toLowerCase(),
  );
  if (phrases.some((phrase) => occurrences(lower, phrase) > 0 && occurrences(lowerCandidate, phrase) > occurrences(lower, phrase))) return true;
  const surname = surnameOf(claim.attribution.source);
  return surname !== undefined && existing.some((source) => source.includes(surname)) && occurrences(candidate, surname) > occurrences(sentence, surname);
}

/**
 * "…, the Kremlin said; Ukraine was behind it." → "…, the Kremlin said, adding that Ukraine was
 * behind it."; "Peskov said X; Y." → "Peskov said X and that Y.": the sentence's own
 * attribution of another claim is extended to the clause that holds this one.
 */
function extensions(sentence: string, existing: readonly { start: number; end: number }[], evidenceStart: number, titleVerb: string): Candidate[] {
  const list: Candidate[] = [];
  for (const source of existing) {
    if (source.end > evidenceStart) continue;
    const between = sentence.slice(source.end, evidenceStart);
    const separator = /(?:;\s*|,?\s+(?:and|but)\s+)(?!.*(?:;|\s(?:and|but)\s))/su.exec(between);
    if (!separator) continue;
    const at = source.end + separator.index;
    const head = sentence.slice(0, at);
    const rest = sentence.slice(at + separator[0].length);
    const suffixStyle = /,\s*$/u.test(sentence.slice(0, source.start)) && /^\s+\p{L}+(?:\s+\p{L}+){0,3}\s*$/u.test(sentence.slice(source.end, at));
    const joined = suffixStyle ? withPrefix(rest, `${head}, adding that `) : withPrefix(rest, `${head} and that `);
    list.push({ title: `${titleVerb}: “…${suffixStyle ? ', adding that' : ' and that'} …”`, kind: 'attribute', sentence: joined });
  }
  return list;
}

/**
 * The quick fixes of a finding, best first. `context`: the other findings of its sentence;
 * a fix that also clears every other claim there from the same claimant comes first, and the
 * sentence's own attribution of another claim is extended rather than repeated.
 */
export function fixesFor(finding: Finding, claim: Claim, documentText: string, recheck: Recheck, context?: SentenceFindings): Fix[] {
  const { end } = finding.sentence;
  // "**Two drones** hit …", "[Two drones](…) hit …": the sentence is rewritten from the
  // emphasis or link that opens it, so that "According to …" goes before it, not inside.
  const start = finding.sentence.start - openingMarkup(documentText, finding.sentence.start, end).length;
  const span = { start, end };
  const sentence = documentText.slice(start, end);
  const others = (context?.findings ?? []).filter((other) => other !== finding && other.claimId !== finding.claimId && other.sentence.start === finding.sentence.start);
  const sameClaimant = others.filter((other) => SEVERITY_RANK[other.framing] > 0 && context!.claimOf(other)?.attribution.source === claim.attribution.source).map((other) => other.claimId);
  const existing = others
    .filter((other) => SEVERITY_RANK[other.framing] === 0 && other.source && other.source.span.start >= start && other.source.span.end <= end)
    .filter((other) => context!.claimOf(other)?.claimants.some((party) => claim.claimants.includes(party)))
    .map((other) => ({ start: other.source!.span.start - start, end: other.source!.span.end - start }));
  // The claim's own attribution written out for another clause: "…, the Kremlin said; …".
  const written = sentence.toLowerCase().indexOf(attributionSuffix(claim).toLowerCase());
  if (written >= 0) existing.push({ start: written, end: written + claim.attribution.source.length });

  const existingSources = existing.map((span) => sentence.slice(span.start, span.end));
  const candidates = candidatesFor(finding, claim, sentence, start);
  if (existing.length && !finding.headline) candidates.unshift(...extensions(sentence, existing, finding.evidence.start - start, `Attribute to ${claim.attribution.source}`));
  const titleCase = finding.headline && isTitleCase(sentence);
  const seen = new Set<string>();
  const verified: Array<Candidate & { clearsAll: boolean }> = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.sentence) || candidate.sentence === sentence) continue;
    seen.add(candidate.sentence);
    if (doublesAttribution(sentence, candidate.sentence, claim, existingSources)) continue;
    let findings = recheck(candidate.sentence, span);
    // The same claim presupposed twice ("drones over the Kremlin …, without Ukraine's drones
    // over the Kremlin"): mark each mention.
    for (let round = 0; candidate.kind === 'mark-alleged' && round < 3; round++) {
      const other = findings.find((f) => f.claimId === finding.claimId && f.form === 'np' && SEVERITY_RANK[f.framing] > 0);
      if (!other) break;
      const marked = markAlleged(candidate.sentence, other.evidence.start - other.sentence.start, titleCase);
      if (marked === candidate.sentence) break;
      candidate.sentence = marked;
      findings = recheck(candidate.sentence, span);
    }
    if (!stillFlagged(findings, finding.claimId)) verified.push({ ...candidate, clearsAll: !sameClaimant.some((id) => stillFlagged(findings, id)) });
  }
  // Stable: among fixes that clear the whole sentence, and among the rest, the order above.
  verified.sort((a, b) => Number(b.clearsAll) - Number(a.clearsAll));
  const offered = verified.some((candidate) => !candidate.fallback) ? verified.filter((candidate) => !candidate.fallback) : verified;
  const fixes: Fix[] = offered.map((candidate, i) => ({
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
  // A headline takes no second sentence.
  const attributed = offered.find((candidate) => candidate.kind !== 'mark-alleged');
  if (claim.denial && attributed && !finding.headline) {
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
 * The Markdown emphasis ("**", "*", "__", "_") or link bracket ("[") right before a sentence
 * that it opens and that closes within the sentence; "" otherwise (a sentence bold from end to
 * end keeps its attribution inside the bold).
 */
function openingMarkup(documentText: string, start: number, end: number): string {
  const before = /(?:^|[\s>(])(\*{1,3}|_{1,3}|\[)$/u.exec(documentText.slice(Math.max(0, start - 4), start));
  if (!before) return '';
  const opener = before[1];
  const closer = opener === '[' ? '](' : opener;
  return documentText.slice(start, end).includes(closer) ? opener : '';
}

/**
 * "“We don't attack Putin. We fight on our territory,” Peskov told reporters": the wrong
 * speaker of a quotation sits in another sentence of the block; the fix renames them there.
 */
function outsideSpeakerFix(finding: Finding, claim: Claim, documentText: string, recheck: Recheck): Fix | null {
  const { source, sentence } = finding;
  if ((finding.framing !== 'misattributed' && finding.framing !== 'unclear' && finding.framing !== 'weak') || !source || source.span.end <= source.span.start) return null;
  if (source.span.start >= sentence.start && source.span.end <= sentence.end) return null;
  const span = { start: Math.min(sentence.start, source.span.start), end: Math.max(sentence.end, source.span.end) };
  if (/\n\s*\n/.test(documentText.slice(span.start, span.end))) return null;
  const atStart = /(^|[.!?]\s+|\n\s*)$/.test(documentText.slice(Math.max(0, source.span.start - 4), source.span.start));
  const name = atStart ? capitalise(claim.attribution.source) : claim.attribution.source;
  const replacement = documentText.slice(span.start, source.span.start) + name + documentText.slice(source.span.end, span.end);
  if (stillFlagged(recheck(replacement, span), finding.claimId)) return null;
  return {
    title: finding.framing === 'weak' ? `Name the source: ${claim.attribution.source} instead of “${source.text}”` : `Attribute to ${claim.attribution.source}, not “${source.text}”`,
    kind: finding.framing === 'weak' ? 'name-source' : 'correct-source',
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
