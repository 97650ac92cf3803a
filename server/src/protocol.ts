// Messages between the Claim Lens client and server beyond standard LSP. Both sides
// import this file, so a change here is checked on both by the compiler.

import { CLAIM_STATUSES, SETTINGS, SEVERITY_LEVELS } from './configuration';
import type { AttributionReport } from './engine/workflow/report';

/** The settings under `claimLens.*` the server reads (configuration.ts lists them all). */
export interface ClaimLensSettings {
  enable: boolean;
  languages: string[];
  maxProblems: number;
  maxDocumentSize: number;
  /** Show attributed claims as hints, so a reporter sees what was recognised. */
  showAttributed: boolean;
  /** Severity of unattributed claims per claim status. */
  severity: Partial<Record<(typeof CLAIM_STATUSES)[number], (typeof SEVERITY_LEVELS)[number]>>;
  /** Semantic tokens for quotations, cues, hedges and TK in Markdown prose. */
  highlightMarkdown: boolean;
}

export const DEFAULT_SETTINGS: ClaimLensSettings = {
  enable: SETTINGS.enable.default,
  languages: [...SETTINGS.languages.default],
  maxProblems: SETTINGS.maxProblems.default,
  maxDocumentSize: SETTINGS.maxDocumentSize.default,
  showAttributed: SETTINGS.showAttributed.default,
  severity: { ...SETTINGS.severity.default },
  highlightMarkdown: SETTINGS.highlightMarkdown.default,
};

/** Server → client after each analysis: counts for the status bar. */
export const STATUS_NOTIFICATION = 'claimLens/status';

export interface StatusParams {
  uri: string;
  version: number | null;
  /** Unattributed or misattributed claims (warnings). */
  unattributed: number;
  /** Vaguely attributed claims (information). */
  vague: number;
  /** Claims recognised in all, attributed or not. */
  recognised: number;
  /** TK markers left in the draft. */
  tk?: number;
  /** Quotations that do not match the sources or are misattributed. */
  quotations?: number;
  /** Findings silenced by claim-lens directives. */
  silenced?: number;
  /** The draft opts out (`claim-lens: off`). */
  optedOut?: boolean;
  /** Why the draft is not checked at all (binary, language off, disabled). */
  skipped?: string;
  /** Names the review these counts come from: the report is the same while it is (see ReportParams.since). */
  stamp?: string;
}

/**
 * Client → server: the last line of a document the editor shows (0-based), whenever it
 * changes. A long draft's first check publishes its diagnostics up to there first, then all
 * of them, for the same version. Without it the server takes the first screen
 * (FIRST_SCREEN_LINES lines, at most FIRST_SCREEN_CHARS characters).
 */
export const VISIBLE_RANGE_NOTIFICATION = 'claimLens/visibleRange';

export interface VisibleRangeParams {
  uri: string;
  lastLine: number;
}

export const FIRST_SCREEN_LINES = 50;
export const FIRST_SCREEN_CHARS = 5_000;

/** Client → server: the attribution report of an open draft. */
export const REPORT_REQUEST = 'claimLens/report';

export interface ReportParams {
  uri: string;
  /** The stamp of the report the client shows: when the review is still that one, the answer is `{ unchanged: true }`. */
  since?: string;
}

export type ReportResult =
  | {
      markdown: string;
      /** An HTML fragment; draft links carry data-line, source links data-source and data-source-line. */
      html: string;
      totals: AttributionReport['totals'];
      /** The review the report was built from (StatusParams.stamp names the latest). */
      stamp: string;
    }
  | { unchanged: true }
  | { error: string };

/** What the client tells the server when it starts it (LSP `initializationOptions`). */
export interface ClaimLensInitializationOptions {
  /** VS Code's workspace trust. Absent (other editors): trusted. Untrusted: no workspace claim packs unless opted in. */
  workspaceTrusted?: boolean;
}

/** Client → server: the user trusted the workspace; workspace claim packs may load now. */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'claimLens/workspaceTrusted';
