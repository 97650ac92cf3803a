import type { CompiledPack } from '../pack/compile';
import type { Entity } from '../pack/types';
import { tokenize } from '../text/tokens';
import type { CharSpan } from './newsDraft';
import type { SourceText } from './sourceQuotes';

// People, places and outlets the pack knows: what the one under the cursor is, and which
// lines of the source texts mention it. Pack entities come first; people listed only under
// a party ("Sergei Lavrov") are described by their role and party.

export interface KnownEntity {
  /** "entity:<id>" or "person:<name>". */
  key: string;
  name: string;
  kind: Entity['kind'];
  description: string;
  /** For a person of a party: the party they speak for. */
  speaksFor?: string;
}

export interface EntityHit {
  entity: KnownEntity;
  span: CharSpan;
}

export interface SourceMention {
  sourceId: string;
  file: string;
  title: string;
  line: number;
}

function knownOf(pack: CompiledPack, label: string): KnownEntity | undefined {
  if (label.startsWith('e:')) {
    const entity = pack.entities.get(label.slice(2));
    return entity && { key: `entity:${entity.id}`, name: entity.name, kind: entity.kind, description: entity.description };
  }
  const mention = pack.mentions.get(label);
  if (!mention?.person || mention.roleOnly) return undefined;
  const { party, person } = mention;
  const entity = [...pack.entities.values()].find((e) => e.kind === 'person' && e.name === person.name);
  if (entity) return { key: `entity:${entity.id}`, name: entity.name, kind: 'person', description: entity.description, speaksFor: party.kind === 'person' ? undefined : party.name };
  return {
    key: `person:${person.name}`,
    name: person.name,
    kind: 'person',
    description: person.role ? `${person.role.charAt(0).toUpperCase()}${person.role.slice(1)}.` : party.description ?? '',
    speaksFor: party.kind === 'person' ? undefined : party.name,
  };
}

/** Every known entity named in text[from, to), longest name first where names overlap. */
export function entitiesIn(text: string, from: number, to: number, pack: CompiledPack): EntityHit[] {
  const tokens = tokenize(text, from, to);
  const hits: Array<EntityHit & { length: number }> = [];
  for (const occurrence of pack.index.findAll(tokens)) {
    const entity = knownOf(pack, occurrence.label);
    if (!entity) continue;
    hits.push({ entity, span: { start: tokens[occurrence.start].start, end: tokens[occurrence.end - 1].end }, length: occurrence.end - occurrence.start });
  }
  hits.sort((a, b) => a.span.start - b.span.start || b.length - a.length || Number(b.entity.key.startsWith('entity:')) - Number(a.entity.key.startsWith('entity:')));
  const kept: EntityHit[] = [];
  for (const hit of hits) {
    if (kept.some((k) => hit.span.start < k.span.end && k.span.start < hit.span.end)) continue;
    kept.push({ entity: hit.entity, span: hit.span });
  }
  return kept;
}

/** Characters looked at on each side of a hover: far more than a name of twelve words. */
const ENTITY_REACH = 400;

/**
 * The known entity at an offset of the text, looking at the line around it, but no further
 * than ENTITY_REACH either side (cut at a space), so that a hover on a line of megabytes
 * reads a few hundred characters, not the line.
 */
export function entityAt(text: string, offset: number, pack: CompiledPack): EntityHit | undefined {
  const reachStart = Math.max(0, offset - ENTITY_REACH);
  const newlineBefore = text.lastIndexOf('\n', offset - 1);
  let start = newlineBefore + 1;
  if (start < reachStart) {
    const space = text.indexOf(' ', reachStart);
    start = space >= 0 && space < offset ? space + 1 : reachStart;
  }
  const reachEnd = Math.min(text.length, offset + ENTITY_REACH);
  const newline = text.indexOf('\n', offset);
  let end = newline < 0 || newline > reachEnd ? reachEnd : newline;
  if (end === reachEnd && end < text.length) {
    const space = text.lastIndexOf(' ', reachEnd);
    if (space > offset) end = space;
  }
  return entitiesIn(text, start, end, pack).find((hit) => hit.span.start <= offset && offset <= hit.span.end);
}

/** Where the sources mention each known entity: key → lines, in source order. */
export function sourceMentions(sources: readonly SourceText[], pack: CompiledPack): Map<string, SourceMention[]> {
  const mentions = new Map<string, SourceMention[]>();
  for (const source of sources) {
    let start = 0;
    source.text.split('\n').forEach((line, i) => {
      const seen = new Set<string>();
      for (const hit of entitiesIn(source.text, start, start + line.length, pack)) {
        if (seen.has(hit.entity.key)) continue;
        seen.add(hit.entity.key);
        const list = mentions.get(hit.entity.key) ?? [];
        list.push({ sourceId: source.id, file: source.file, title: source.title, line: i + 1 });
        mentions.set(hit.entity.key, list);
      }
      start += line.length + 1;
    });
  }
  return mentions;
}

