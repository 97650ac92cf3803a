import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DraftAnalyzer, type DraftSnapshot } from '../engine/analysis/document';
import type { CompiledPack } from '../engine/pack/compile';
import type { DraftSyntax } from '../engine/text/prose';
import { draftKindOf } from '../engine/workflow/newsDraft';
import type { ClaimLensSettings } from '../protocol';
import { LiveDocument } from './liveDocument';
import { analysisText } from './workflow';

// Per open document: its incremental analyzer and the snapshot of its latest version.

export interface Draft {
  document: TextDocument;
  syntax: DraftSyntax;
  snapshot: DraftSnapshot;
  /** The draft is checked (language enabled, not binary). */
  checked: boolean;
  /** Why it is not checked, when it is not. */
  skipReason?: string;
  /** The draft's beginning, from an analysis under way (see DraftStore.partial). */
  partial?: boolean;
}

export function syntaxOf(languageId: string): DraftSyntax {
  return languageId === 'markdown' || languageId === 'news-draft' ? 'markdown' : 'plain';
}

/** The characters of a draft's start that looksBinary reads. */
export const BINARY_SAMPLE_CHARS = 8192;

/** The characters looksBinary counts (NUL among them). */
const MAYBE_BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

/** Text with NUL bytes or mostly control characters is not prose. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, BINARY_SAMPLE_CHARS);
  // A draft holds none of the characters counted below: one native scan settles it, where the
  // loop ran interpreted on a draft's first check (and a keystroke's, before it was optimised).
  if (!MAYBE_BINARY.test(sample)) return false;
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

const EMPTY: DraftSnapshot = { blocks: [], findings: [], skippedChars: 0, analysedBlocks: 0 };

export class DraftStore {
  private readonly drafts = new Map<string, Draft>();
  private readonly analyzers = new Map<string, DraftAnalyzer>();

  constructor(
    private packs: () => readonly CompiledPack[],
    private settings: () => ClaimLensSettings,
  ) {}

  get(uri: string): Draft | undefined {
    return this.drafts.get(uri);
  }

  all(): Draft[] {
    return [...this.drafts.values()];
  }

  /** Analyses the document's current version (incrementally when it was seen before). */
  update(document: TextDocument): Draft {
    const steps = this.updateSteps(document);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** `update` one analysed block at a time (see DraftAnalyzer.updateSteps); the draft is stored when it is done. */
  *updateSteps(document: TextDocument): Generator<void, Draft, void> {
    const settings = this.settings();
    const syntax = syntaxOf(document.languageId);
    // An open document's pieces, which say where the edit was: the analysis reads the blocks
    // around it and never builds the whole string. A news draft is rewritten first (whole).
    const pieces = document instanceof LiveDocument && draftKindOf(document.languageId) !== 'news-draft' ? document.text : undefined;
    let skipReason: string | undefined;
    if (!settings.enable) skipReason = 'Claim Lens is disabled (claimLens.enable)';
    else if (!settings.languages.includes(document.languageId)) skipReason = `language "${document.languageId}" is not in claimLens.languages`;
    else if (looksBinary(pieces ? pieces.slice(0, BINARY_SAMPLE_CHARS) : document.getText())) skipReason = 'the file looks binary, not like a draft';
    if (skipReason) {
      this.analyzers.delete(document.uri);
      const draft = { document, syntax, snapshot: EMPTY, checked: false, skipReason };
      this.drafts.set(document.uri, draft);
      return draft;
    }
    let analyzer = this.analyzers.get(document.uri);
    if (!analyzer) {
      analyzer = new DraftAnalyzer(this.packs(), { syntax, maxChars: settings.maxDocumentSize });
      this.analyzers.set(document.uri, analyzer);
    }
    const snapshot = yield* analyzer.updateSteps(pieces ?? analysisText(document.languageId, document.getText()));
    const draft = { document, syntax, snapshot, checked: true };
    this.drafts.set(document.uri, draft);
    return draft;
  }

  /**
   * While the document's analysis is under way: the draft as far as it has gone, once it
   * reaches offset `upTo` (see DraftAnalyzer.partialSnapshot); otherwise undefined.
   */
  partial(document: TextDocument, upTo: number): Draft | undefined {
    const snapshot = this.analyzers.get(document.uri)?.partialSnapshot(upTo);
    return snapshot && { document, syntax: syntaxOf(document.languageId), snapshot, checked: true, partial: true };
  }

  /** Whether the document's analysis under way is a first one, or goes on with what an overtaken one left (see DraftAnalyzer.analysesAhead). */
  analysesAhead(uri: string): boolean {
    return this.analyzers.get(uri)?.analysesAhead ?? false;
  }

  /** Forgets analysers (after the packs or settings changed): the next update starts afresh. */
  reset(): void {
    this.analyzers.clear();
  }

  close(uri: string): void {
    this.drafts.delete(uri);
    this.analyzers.delete(uri);
  }
}
