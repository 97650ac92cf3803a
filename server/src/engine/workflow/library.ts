import type { CompiledPack } from '../pack/compile';
import { sourceMentions, type SourceMention } from './entities';
import { sourceQuotations, type SourceQuotation, type SourceText } from './sourceQuotes';

// What the quote check and the entity hovers derive from a pack's source texts, worked out
// once per pack on first use. The host says how to read the texts, and may have a pack's
// quotations worked out before (the bundled pack's, at build time).

export type SourceReader = (pack: CompiledPack) => SourceText[];
/** A pack's quotations worked out before from these very texts, or undefined. */
export type PreparedQuotations = (pack: CompiledPack, texts: readonly SourceText[]) => SourceQuotation[] | undefined;

interface Derived {
  texts: SourceText[];
  quotations?: SourceQuotation[];
  mentions?: Map<string, SourceMention[]>;
}

export class SourceLibrary {
  private readonly derived = new WeakMap<CompiledPack, Derived>();

  constructor(
    private readonly read: SourceReader,
    private readonly prepared?: PreparedQuotations,
  ) {}

  private of(pack: CompiledPack): Derived {
    let entry = this.derived.get(pack);
    if (!entry) {
      entry = { texts: this.read(pack) };
      this.derived.set(pack, entry);
    }
    return entry;
  }

  texts(pack: CompiledPack): readonly SourceText[] {
    return this.of(pack).texts;
  }

  quotationsOf(pack: CompiledPack): readonly SourceQuotation[] {
    const entry = this.of(pack);
    return (entry.quotations ??= this.prepared?.(pack, entry.texts) ?? sourceQuotations(entry.texts, pack));
  }

  mentionsOf(pack: CompiledPack): ReadonlyMap<string, SourceMention[]> {
    const entry = this.of(pack);
    return (entry.mentions ??= sourceMentions(entry.texts, pack));
  }
}
