import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SentenceView } from '../../../server/src/engine/analysis/sentence';
import { findCues } from '../../../server/src/engine/framing/cues';
import { SENTENCE_RULES, VERB_RULES } from '../../../server/src/engine/framing/rules';

// Every attribution rule carries its own example sentences: each positive example must be
// read by that rule (with the source and content it names), each `reads: false` example
// must be left to other rules.

const rules = [...VERB_RULES, ...SENTENCE_RULES];

test('rule ids are unique and every reading rule has an example it reads', () => {
  assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length);
  for (const rule of rules) {
    if (rule.id === 'subject-blocked') continue; // a guard: it only ever stops a verb
    assert.ok(rule.examples.some((example) => example.reads !== false), `${rule.id} has no example it reads`);
  }
});

for (const rule of rules) {
  for (const example of rule.examples) {
    test(`${rule.id}: ${example.reads === false ? 'leaves' : 'reads'} “${example.text}”`, () => {
      const view = new SentenceView(example.text, 0, example.text.length, example.headline === true);
      const cues = findCues(view).filter((cue) => cue.rule === rule.id);
      if (example.reads === false) {
        assert.deepEqual(cues.map((cue) => view.text(cue.word)), []);
        return;
      }
      const read = cues.find(
        (cue) =>
          (example.source === undefined || (cue.source !== null && view.text(cue.source) === example.source)) &&
          (example.content === undefined || cue.scopes.some((scope) => view.text(scope).includes(example.content!))) &&
          (example.polarity === undefined || cue.polarity === example.polarity) &&
          (example.hedged === undefined || cue.hedged),
      );
      const seen = findCues(view).map((cue) => ({ rule: cue.rule, source: cue.source && view.text(cue.source), content: cue.scopes.map((s) => view.text(s)) }));
      assert.ok(read, `expected ${rule.id} to read source “${example.source}” and content “${example.content}”; read ${JSON.stringify(seen)}`);
    });
  }
}
