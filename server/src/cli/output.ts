import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import type { CompiledPack } from '../engine/pack/compile';
import type { Severity } from '../engine/report/messages';
import { shortExcerpt } from '../engine/report/sourceNames';
import { NOTE_CODES } from '../engine/workflow/review';
import type { Problem } from './check';
import { TOOL_NAME, TOOL_VERSION } from './version';

// What `claim-lens check` prints. Text: one line a problem, `file:line:col severity code
// message` (what editors and CI logs link), the sentence under it, and a summary line; in
// colour on a terminal unless NO_COLOR is set. SARIF 2.1.0 for code scanning.

/** Colour on a terminal; never when NO_COLOR is set (https://no-color.org) or the terminal is dumb; FORCE_COLOR forces it. */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'cyan' | 'gray';
/** Text in the given styles, with the terminal codes Node's own inspect uses. */
const styled = (styles: readonly Style[], text: string) =>
  styles.reduceRight((inner, style) => {
    const [open, close] = inspect.colors[style] ?? [0, 0];
    return `\u001b[${open}m${inner}\u001b[${close}m`;
  }, text);
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', information: 'cyan', hint: 'gray' };
/** Characters of the sentence shown under a problem. */
const EXCERPT = 120;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "3 problems (2 warnings, 1 information) in 1 of 2 drafts": counts by severity, most severe first. */
export function summaryLine(problems: readonly Problem[], drafts: number): string {
  const bySeverity: Array<[Severity, string, string]> = [
    ['error', 'error', 'errors'],
    ['warning', 'warning', 'warnings'],
    ['information', 'information', 'information'],
    ['hint', 'hint', 'hints'],
  ];
  const counts = bySeverity
    .map(([severity, one, many]) => [problems.filter((p) => p.severity === severity).length, one, many] as const)
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => plural(count, one, many));
  const withProblems = new Set(problems.map((p) => p.file)).size;
  return `${plural(problems.length, 'problem')} (${counts.join(', ')}) in ${withProblems === drafts ? '' : `${withProblems} of `}${plural(drafts, 'draft')}`;
}

export function formatText(problems: readonly Problem[], drafts: number, colour = false): string {
  if (!problems.length) return '';
  const paint = (style: Style | Style[], text: string) => (colour ? styled(typeof style === 'string' ? [style] : style, text) : text);
  const lines = problems.map((p) => {
    const head = `${paint('bold', `${p.file}:${p.line}:${p.column}`)} ${paint(SEVERITY_STYLE[p.severity], p.severity)} ${paint('dim', p.claim)} ${p.message}`;
    const excerpt = shortExcerpt(p.sentence, EXCERPT);
    return excerpt ? `${head}\n    ${paint('dim', `│ ${excerpt}`)}\n` : `${head}\n`;
  });
  const worst = problems.some((p) => p.severity === 'error') ? 'error' : problems.some((p) => p.severity === 'warning') ? 'warning' : 'information';
  return `${lines.join('')}\n${paint([SEVERITY_STYLE[worst], 'bold'], summaryLine(problems, drafts))}\n`;
}

/** Workflow notes as SARIF rules, beside the claims of every pack. */
const NOTE_RULES: Record<(typeof NOTE_CODES)[number] | 'draft-too-large', string> = {
  tk: 'A TK (“to come”) marker left in the draft.',
  'quote-unsourced': 'A quotation given to a person or party of a pack in words no source carries.',
  'quote-misattributed': 'A quotation the sources give to somebody else.',
  'suppression-unknown-code': 'A claim-lens directive names a code that does not exist.',
  'draft-too-large': 'The draft was checked only in part.',
};

export function formatSarif(problems: readonly Problem[], packs: readonly CompiledPack[], cwd: string): string {
  const rules = [
    ...packs.flatMap((pack) =>
      pack.claims.map(({ claim }) => ({
        id: claim.id,
        name: claim.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
        shortDescription: { text: claim.summary },
        fullDescription: { text: `${claim.summary} Claimed by ${claim.claimantLabel}; status: ${claim.status}.` },
        defaultConfiguration: { level: claim.status === 'reported' ? 'none' : 'warning' },
        properties: { pack: pack.pack.id, status: claim.status },
      })),
    ),
    ...Object.entries(NOTE_RULES).map(([id, text]) => ({
      id,
      name: id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text },
      defaultConfiguration: { level: id === 'quote-misattributed' ? 'warning' : 'note' },
    })),
  ];
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const level = (severity: Severity) => (severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, rules } },
        columnKind: 'utf16CodeUnits',
        results: problems.map((p) => ({
          ruleId: p.claim,
          ...(ruleIndex.has(p.claim) ? { ruleIndex: ruleIndex.get(p.claim) } : {}),
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
          ...(p.framing ? { properties: { framing: p.framing } } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
