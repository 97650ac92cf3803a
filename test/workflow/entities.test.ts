import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityAt } from '../../server/src/engine/workflow/entities';
import { readSourceTexts } from '../../server/src/host/sourceTexts';
import { kremlin } from '../helpers';
import { library } from './review';

const at = (text: string, word: string) => entityAt(text, text.indexOf(word) + 1, kremlin());

test('people, places and outlets of the pack are found under the cursor, whole names first', () => {
  const text = 'Kremlin spokesman Dmitry Peskov told RIA Novosti that Putin was at Novo-Ogaryovo, not in the Senate Palace.';
  assert.deepEqual(
    ['Peskov', 'RIA', 'Novo-Ogaryovo', 'Senate'].map((word) => {
      const hit = at(text, word)!;
      return [hit.entity.name, hit.entity.kind, text.slice(hit.span.start, hit.span.end)];
    }),
    [
      ['Dmitry Peskov', 'person', 'Kremlin spokesman Dmitry Peskov'],
      ['RIA Novosti', 'outlet', 'RIA Novosti'],
      ['Novo-Ogaryovo', 'place', 'Novo-Ogaryovo'],
      ['Senate Palace', 'place', 'Senate Palace'],
    ],
  );
  assert.equal(at(text, 'told'), undefined);
  assert.equal(at(text, 'Peskov')!.entity.speaksFor, 'the Kremlin');
});

test('a person listed only under a party is described by role', () => {
  const hit = at('Sergei Lavrov said nothing.', 'Lavrov')!;
  assert.deepEqual([hit.entity.name, hit.entity.kind, hit.entity.speaksFor], ['Sergei Lavrov', 'person', 'the Kremlin']);
  assert.match(hit.entity.description, /foreign minister/i);
});

test('source mentions point at lines that name the entity', () => {
  const texts = new Map(readSourceTexts(kremlin()).map((source) => [source.file, source.text.split('\n')]));
  const mentions = library.mentionsOf(kremlin());
  const novo = mentions.get('entity:novo-ogaryovo') ?? [];
  assert.deepEqual(novo.map((m) => `${m.file.replace(/\.txt$/, '')}:${m.line}`), ['indian-news-report:17', 'ap-report:9']);
  for (const [key, names] of [['entity:peskov', /Peskov/], ['entity:ria-novosti', /RIA Novosti/], ['entity:senate-palace', /Senate (Palace|building)/]] as const) {
    const list = mentions.get(key) ?? [];
    assert.ok(list.length >= 2, `${key}: ${list.length} mentions`);
    for (const m of list) assert.match(texts.get(m.file)![m.line - 1], names, `${key} at ${m.file}:${m.line}`);
  }
});

test('Helsinki, Red Square and RT are known, with the source lines that name them', () => {
  const text = 'Zelensky spoke in Helsinki; RT showed Red Square.';
  assert.deepEqual(['Helsinki', 'RT', 'Red'].map((word) => at(text, word)?.entity.kind), ['place', 'outlet', 'place']);
  const helsinki = library.mentionsOf(kremlin()).get('entity:helsinki') ?? [];
  assert.deepEqual(helsinki.map((m) => `${m.file.replace(/\.txt$/, '')}:${m.line}`), ['npr-report:23', 'npr-report:39']);
});

test('a hover on a line of megabytes reads the few hundred characters around it, not the line', () => {
  const filler = 'the council met and voted on the budget again '.repeat(40_000);
  const text = `${filler}Dmitry Peskov told RIA Novosti ${filler}`;
  const started = performance.now();
  const hit = entityAt(text, text.indexOf('Peskov') + 2, kremlin());
  assert.ok(performance.now() - started < 100, `${Math.round(performance.now() - started)} ms`);
  assert.equal(hit?.entity.name, 'Dmitry Peskov');
  assert.deepEqual(hit?.span, { start: text.indexOf('Dmitry'), end: text.indexOf('Peskov') + 'Peskov'.length });
  assert.equal(entityAt(text, text.indexOf('RIA') + 1, kremlin())?.entity.name, 'RIA Novosti');
});
