// Every `claimLens.*` setting, once: its type, default and description. package.json's
// `contributes.configuration` (and the settings Restricted Mode withholds) and the README's
// settings table are generated from this table by `npm run settings`
// (scripts/generate-settings.ts); a test fails while either is out of date. The server's
// defaults come from here too (protocol.ts). Imported by the client and the server.

export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export const CLAIM_STATUSES = ['unverified', 'denied', 'estimate', 'statement', 'reported'] as const;

interface Common {
  /** package.json: what the Settings editor shows (Markdown). */
  description: string;
  /** The README's table: a few words. */
  summary: string;
  /** `application`: a user setting only, which a workspace cannot set. */
  scope?: 'application';
  /** Withheld from an untrusted workspace (Restricted Mode). */
  restricted?: boolean;
  /** Which side reads it, for the README. */
  readBy: 'server' | 'client';
}

export type SettingSpec = Common &
  (
    | { type: 'boolean'; default: boolean }
    | { type: 'number'; default: number; minimum?: number; maximum?: number }
    | { type: 'string-list'; default: readonly string[] }
    | { type: 'severity-by-status'; default: Readonly<Partial<Record<(typeof CLAIM_STATUSES)[number], (typeof SEVERITY_LEVELS)[number]>>> }
  );

export const SETTINGS = {
  enable: {
    type: 'boolean',
    default: true,
    description: 'Check drafts for unattributed claims.',
    summary: 'turn checking on or off',
    readBy: 'server',
  },
  languages: {
    type: 'string-list',
    default: ['markdown', 'plaintext', 'news-draft'],
    description: 'Language ids of the documents Claim Lens checks.',
    summary: 'language ids to check',
    readBy: 'client',
  },
  maxProblems: {
    type: 'number',
    default: 100,
    minimum: 1,
    description: 'Most problems reported per document.',
    summary: 'most problems reported per document',
    readBy: 'server',
  },
  maxDocumentSize: {
    type: 'number',
    default: 2_000_000,
    minimum: 1000,
    description: 'Characters checked per document; the rest of a larger draft is skipped with a note.',
    summary: 'characters checked; a larger draft is checked in part, with a note',
    readBy: 'server',
  },
  severity: {
    type: 'severity-by-status',
    default: {},
    description:
      'Severity of unattributed and misattributed claims by claim status (`off` hides them; vague attributions stay Information unless `off`). Example: `{ "denied": "error", "statement": "information" }`.',
    summary: 'severity per claim status, e.g. `{ "denied": "error", "statement": "information" }`; `off` hides',
    readBy: 'server',
  },
  showAttributed: {
    type: 'boolean',
    default: false,
    description: 'Show attributed claims as hints, so you can see what Claim Lens recognised.',
    summary: 'show attributed claims as hints, to see what was recognised',
    readBy: 'server',
  },
  highlightMarkdown: {
    type: 'boolean',
    default: false,
    description:
      'Colour quotations, attribution cues (“said”, “according to”), hedges (“reportedly”) and TK markers in the prose of Markdown drafts, as news drafts (`*.draft`, `*.story`) are always coloured. Off: Markdown keeps its own colours.',
    summary: 'colour quotations, attribution cues, hedges and TK in Markdown prose, as in news drafts',
    readBy: 'server',
  },
  hideWhileTyping: {
    type: 'boolean',
    default: true,
    description: 'Hold back the problems of the sentence you are typing until you pause (`claimLens.revealDelay`) or move the cursor away.',
    summary: 'hold back the problems of the sentence under the cursor while you type',
    readBy: 'client',
  },
  revealDelay: {
    type: 'number',
    default: 1500,
    minimum: 0,
    maximum: 10000,
    description: 'Milliseconds after the last keystroke before the problems of the sentence under the cursor are shown (with `claimLens.hideWhileTyping`).',
    summary: 'milliseconds after the last keystroke before they are shown',
    readBy: 'client',
  },
  bundledPack: {
    type: 'boolean',
    default: true,
    description: 'Check drafts against the bundled claim pack (the Kremlin drone incident of 3 May 2023). Turn it off when your workspace packs cover other stories only.',
    summary: 'check against the bundled Kremlin pack; turn off when your own packs cover other stories',
    readBy: 'server',
  },
  claimPacks: {
    type: 'string-list',
    default: [],
    description:
      'Extra claim packs to load besides every `*.claims.json` under `.claim-lens/` in the workspace folders: file paths, folders or globs, absolute or relative to each workspace folder (for example `newsroom/packs/*.claims.json`). Excerpts are checked against the `sources/` folder beside each pack.',
    summary: 'extra packs besides `.claim-lens/`: files, folders or globs, absolute or relative to each workspace folder',
    restricted: true,
    readBy: 'server',
  },
  untrustedWorkspacePacks: {
    type: 'boolean',
    default: false,
    scope: 'application',
    description:
      'Load claim packs from the workspace (`.claim-lens/` and `claimLens.claimPacks`) even when the workspace is not trusted. Packs are data and matching is bounded, but an untrusted pack can still mislead: off by default.',
    summary: '(user setting only) load workspace packs even in an untrusted workspace',
    readBy: 'server',
  },
} as const satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof SETTINGS;

/** The JSON Schema of one setting, as `contributes.configuration.properties` holds it. */
export function settingSchema(spec: SettingSpec): Record<string, unknown> {
  const described = (schema: Record<string, unknown>) => ({
    ...schema,
    default: spec.default,
    [/[`*]/.test(spec.description) ? 'markdownDescription' : 'description']: spec.description,
    ...(spec.scope ? { scope: spec.scope } : {}),
  });
  switch (spec.type) {
    case 'boolean':
      return described({ type: 'boolean' });
    case 'number':
      return described({ type: 'number', ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}), ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}) });
    case 'string-list':
      return described({ type: 'array', items: { type: 'string' } });
    case 'severity-by-status':
      return described({
        type: 'object',
        properties: Object.fromEntries(CLAIM_STATUSES.map((status) => [status, { enum: [...SEVERITY_LEVELS] }])),
        additionalProperties: false,
      });
  }
}
