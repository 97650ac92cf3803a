import type { CompiledPack } from '../pack/compile';
import { sourceMentions, type SourceMention } from './entities';
import { sourceQuotations, type SourceQuotation, type SourceText } from './sourceQuotes';

// What the quote check and the entity hovers derive from a pack's source texts, worked out
// once per pack on first use. The host says how to read the texts.

export type SourceReader = (pack: CompiledPack) => SourceText[];

interface Derived {
  texts: SourceText[];
  quotations?: SourceQuotation[];
  mentions?: Map<string, SourceMention[]>;
}

export class SourceLibrary {
  private readonly derived = new WeakMap<CompiledPack, Derived>();

  constructor(private readonly read: SourceReader) {}

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
    return (entry.quotations ??= sourceQuotations(entry.texts, pack));
  }

  mentionsOf(pack: CompiledPack): ReadonlyMap<string, SourceMention[]> {
    const entry = this.of(pack);
    return (entry.mentions ??= sourceMentions(entry.texts, pack));
  }
}
