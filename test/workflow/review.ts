import { analyzeText } from '../../server/src/engine/analysis/document';
import { SourceLibrary } from '../../server/src/engine/workflow/library';
import { prepareDraft, type DraftKind } from '../../server/src/engine/workflow/newsDraft';
import { reviewDraft, type DraftReview } from '../../server/src/engine/workflow/review';
import { readSourceTexts } from '../../server/src/host/sourceTexts';
import { kremlin } from '../helpers';

// A draft reviewed as the editor and the CLI do it, against the shipped sources.

export const library = new SourceLibrary((pack) => readSourceTexts(pack));

export function review(text: string, kind: DraftKind = 'markdown'): DraftReview {
  const prepared = prepareDraft(kind, text);
  const snapshot = analyzeText(prepared.text, [kremlin()], { syntax: prepared.syntax });
  return reviewDraft({ text, prepared, snapshot, packs: [kremlin()], quotationsOf: (pack) => library.quotationsOf(pack) });
}

export const codesOf = (result: DraftReview) => [...result.findings.map((f) => f.claimId), ...result.notes.map((n) => n.code)];
