import type { Finding } from '../engine/analysis/block';
import { analyzeText, explainSkipped } from '../engine/analysis/document';
import type { CompiledPack } from '../engine/pack/compile';
import { severityOf } from '../engine/report/messages';
import { readInput } from './check';
import { parseCommand, UsageError } from './usage';

// `claim-lens eval FILE.jsonl`: scores the engine on a labelled set (the format of the
// evaluation sets: id, text, label warn|weak|ok|none, claims) and lists what it decided
// for every failure — the tool to tune the matcher with.

interface Item {
  id: string;
  text: string;
  label: 'warn' | 'weak' | 'ok' | 'none';
  claims: string[];
  /** `information`: a `weak` item must be reported as Information, never as a Warning. */
  severity?: 'information';
  /** Claims that must get no Warning: another claim's words ("Putin was safe at Novo-Ogaryovo" is no no-casualties). */
  notWarned?: string[];
  note?: string;
}

interface Decision {
  claim: string;
  /** The attribution rule that framed it, or why a match was not reported. */
  rule?: string;
  content?: string;
  /** The claim pattern that matched. */
  pattern?: string;
  /** Why the reading is unsure (reported as Information). */
  unsure?: string;
  skipped?: string;
  framing: string;
  severity: string | null;
  source?: string;
  hedge?: string;
  evidence: string;
}

interface Outcome {
  item: Item;
  pass: boolean;
  decisions: Decision[];
}

export function readItems(path: string): Item[] {
  return readInput(path, 'a labelled set')
    .toString('utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line, i) => {
      const raw = JSON.parse(line) as Item;
      if (typeof raw.text !== 'string' || !['warn', 'weak', 'ok', 'none'].includes(raw.label)) {
        throw new Error(`${path}:${i + 1}: needs "text" and a label warn|weak|ok|none`);
      }
      return { ...raw, id: String(raw.id ?? i + 1), claims: raw.claims ?? [] };
    });
}

const rank = (severity: string | null) => (severity === 'error' ? 1 : severity === 'warning' ? 2 : severity === 'information' ? 3 : severity === 'hint' ? 4 : 9);

export function judge(item: Item, decisions: Decision[]): boolean {
  const loud = decisions.filter((d) => rank(d.severity) <= 2);
  if (item.notWarned && loud.some((d) => item.notWarned!.includes(d.claim))) return false;
  switch (item.label) {
    case 'warn':
      return loud.some((d) => item.claims.includes(d.claim));
    case 'weak':
      if (item.severity === 'information' && loud.some((d) => item.claims.includes(d.claim))) return false;
      return decisions.some((d) => rank(d.severity) <= 3 && item.claims.includes(d.claim));
    default:
      return loud.length === 0;
  }
}

export function decide(text: string, packs: CompiledPack[], explain = false): Decision[] {
  const snapshot = analyzeText(text, packs);
  const skipped: Decision[] = explain
    ? explainSkipped(snapshot, packs, 'markdown').map((skip) => ({ claim: skip.claimId, framing: 'skipped', severity: null, skipped: skip.reason, evidence: text.slice(skip.evidence.start, skip.evidence.end) }))
    : [];
  return [...snapshot.findings.map((finding: Finding) => {
    const pack = packs.find((p) => p.pack.id === finding.packId)!;
    const claim = pack.claimById.get(finding.claimId)!.claim;
    return {
      claim: finding.claimId,
      framing: finding.framing,
      severity: severityOf(finding, claim, { showAttributed: true }),
      source: finding.source ? `${finding.source.text} → ${finding.source.ref.kind === 'party' ? finding.source.ref.partyId : finding.source.ref.kind}` : undefined,
      hedge: finding.hedge?.text,
      evidence: text.slice(finding.evidence.start, finding.evidence.end),
      rule: finding.rule,
      pattern: finding.pattern,
      unsure: finding.unsure,
      content: finding.content && text.slice(finding.content.start, finding.content.end),
    };
  }), ...skipped];
}

export const EVAL_HELP = `Usage: claim-lens eval [options] FILE.jsonl

Scores the engine on a labelled set: JSON Lines of {"id", "text", "label": "warn"|"weak"|"ok"|
"none", "claims": [...]} (a "weak" item with "severity": "information" fails on a Warning for
its claims; any item fails on a Warning for a claim in its "notWarned" list). Prints the pass rate per label, a confusion table by claim and, for every failure,
what the engine decided (claim, rule, source, hedge) or why a match was not reported.

Options:
  --all         list every item, not only the failures
  --json        the outcomes as JSON
  -h, --help    this help

Exit status: 0 every item passed; 1 some item failed; 2 a usage or input error.`;

/** `claim-lens eval …` with its arguments. */
export function runEvalCommand(args: string[], packs: () => CompiledPack[]): number {
  const parsed = parseCommand(args, { all: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } }, EVAL_HELP);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('eval needs one FILE.jsonl', EVAL_HELP);
  return runEval(positionals[0], packs(), { json: values.json, all: values.all });
}

export function runEval(path: string, packs: CompiledPack[], options: { json: boolean; all: boolean }): number {
  const items = readItems(path);
  const outcomes: Outcome[] = items.map((item) => {
    const decisions = decide(item.text, packs, true);
    return { item, decisions, pass: judge(item, decisions) };
  });
  // Like a test runner: a failed item fails the command, so that scripts can rely on it.
  const status = outcomes.every((o) => o.pass) ? 0 : 1;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(outcomes)}\n`);
    return status;
  }
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`claim-lens eval: ${items.length} items from ${path}`);
  out('');
  out('label  items  pass  rate');
  for (const label of ['warn', 'weak', 'ok', 'none'] as const) {
    const of = outcomes.filter((o) => o.item.label === label);
    const pass = of.filter((o) => o.pass).length;
    out(`${label.padEnd(6)} ${String(of.length).padStart(5)} ${String(pass).padStart(5)}  ${of.length ? (pass / of.length).toFixed(3) : '-'}`);
  }
  const alarmed = outcomes.filter((o) => o.decisions.some((d) => rank(d.severity) <= 2));
  const correct = alarmed.filter((o) => (o.item.label === 'warn' || o.item.label === 'weak') && o.decisions.some((d) => rank(d.severity) <= 2 && o.item.claims.includes(d.claim)));
  out(`precision ${alarmed.length ? (correct.length / alarmed.length).toFixed(3) : '-'} (${correct.length}/${alarmed.length})`);

  // Confusion by claim: for flagged items, the expected claim against the claims flagged.
  const confusion = new Map<string, Map<string, number>>();
  for (const o of outcomes) {
    if (o.item.label !== 'warn' && o.item.label !== 'weak') continue;
    const expected = o.item.claims.join('+');
    const got = [...new Set(o.decisions.filter((d) => rank(d.severity) <= 3).map((d) => d.claim))].join('+') || '(none)';
    const row = confusion.get(expected) ?? new Map<string, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    confusion.set(expected, row);
  }
  out('');
  out('confusion (expected → flagged: count)');
  for (const [expected, row] of [...confusion].sort()) {
    out(`  ${expected} → ${[...row].map(([got, n]) => `${got === expected ? '✓' : got}: ${n}`).join(', ')}`);
  }
  out('');
  const shown = options.all ? outcomes : outcomes.filter((o) => !o.pass);
  out(options.all ? 'items' : `failures (${shown.length})`);
  for (const o of shown) {
    out(`  [${o.item.id}] ${o.pass ? 'PASS' : 'FAIL'} ${o.item.label} ${o.item.claims.join(',')} | ${o.item.text}`);
    if (o.item.note) out(`      note: ${o.item.note}`);
    for (const d of o.decisions) {
      if (d.skipped) {
        out(`      ✗ ${d.claim} «${d.evidence}» not reported: ${d.skipped}`);
        continue;
      }
      const framedBy = d.rule ? ` rule: ${d.rule}${d.content ? ` framing «${d.content}»` : ''}` : ' rule: none (no attribution found)';
      out(`      → ${d.claim} ${d.framing}/${d.severity ?? 'silent'} «${d.evidence}»${framedBy}${d.source ? ` source: ${d.source}` : ''}${d.hedge ? ` hedge: ${d.hedge}` : ''}${d.pattern ? ` pattern: ${d.pattern}` : ''}${d.unsure ? ` unsure: ${d.unsure}` : ''}`);
    }
    if (!o.decisions.length) out('      → nothing recognised');
  }
  return status;
}
