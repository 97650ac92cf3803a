import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { flagged, kremlin, readJsonl, ROOT, type Labelled } from '../helpers';

// Published-style attributed sentences, mechanically stripped of their attribution or given
// to the wrong party, must be warned (the issue asks for at least 0.85 of them); the
// originals must stay quiet.

const END = /^(.*[a-z0-9'’"”)]),(\s+)((?:the |a |an )?[A-Z][^,]{1,60}?)(\s+(?:said|says|told [^.]*|claimed|alleged|added|insisted|warned|estimated|suggested|wrote[^.]*)\.)$/;
const ACCORDING_START = /^According to ([^,]+), (.*)$/;
const ACCORDING_END = /^(.*), according to ([^,.]+)\.$/;
const WRONG: Record<string, string> = { kremlin: 'Zelensky', ukraine: 'Peskov', us: 'Peskov', medvedev: 'Peskov', 'social-media': 'the Kremlin' };

function variants(item: Labelled): Array<{ kind: 'stripped' | 'misattributed'; text: string }> {
  const claim = kremlin().claimById.get(item.claims[0])!.claim;
  const wrong = WRONG[claim.claimants[0]];
  const text = item.text;
  const out: Array<{ kind: 'stripped' | 'misattributed'; text: string }> = [];
  const end = END.exec(text);
  if (end) {
    out.push({ kind: 'stripped', text: `${end[1]}.` });
    if (wrong) out.push({ kind: 'misattributed', text: `${end[1]},${end[2]}${wrong}${end[4]}` });
  }
  const start = ACCORDING_START.exec(text);
  if (start) {
    out.push({ kind: 'stripped', text: start[2][0].toUpperCase() + start[2].slice(1) });
    if (wrong) out.push({ kind: 'misattributed', text: `According to ${wrong}, ${start[2]}` });
  }
  const tail = ACCORDING_END.exec(text);
  if (tail) {
    out.push({ kind: 'stripped', text: `${tail[1]}.` });
    if (wrong) out.push({ kind: 'misattributed', text: `${tail[1]}, according to ${wrong}.` });
  }
  return out;
}

test('stripped or misattributed versions of attributed sentences are warned', () => {
  const dir = join(ROOT, 'test', 'fixtures');
  const originals = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readJsonl(join(dir, name)))
    .filter((item) => item.label === 'ok' && item.claims.length === 1 && item.claims[0] !== 'moscow-drone-ban' && !/\n|\. /.test(item.text));
  let total = 0;
  const missed: string[] = [];
  for (const item of originals) {
    for (const variant of variants(item)) {
      total++;
      const warned = flagged(variant.text).some((f) => f.severity === 'warning' && f.claim === item.claims[0]);
      if (!warned) missed.push(`${variant.kind}: ${variant.text}`);
    }
  }
  assert.ok(total >= 40, `only ${total} variants`);
  const rate = (total - missed.length) / total;
  assert.ok(rate >= 0.9, `warned ${(rate * 100).toFixed(1)}% of ${total}; missed:\n${missed.join('\n')}`);
});
