import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { claimReviewToPack, ClaimReviewError } from '../../server/src/engine/pack/claimreview';
import { runExamples } from '../../server/src/engine/pack/examples';
import { loadPack } from '../../server/src/engine/pack/load';
import { ROOT } from '../helpers';

// schema.org ClaimReview → claim pack, from a hand-written document in the three shapes
// fact-checkers publish (one object, an array, an @graph).

const document = JSON.parse(readFileSync(join(ROOT, 'samples', 'packs', 'fernhollow-claimreview.json'), 'utf8'));
const reviews = document['@graph'] as Array<Record<string, unknown>>;

test('each ClaimReview becomes a claim: claimant, status from the rating, the verdict as a counter-claim', () => {
  const { pack, warnings } = claimReviewToPack(document);
  assert.equal(pack.name, 'Claims reviewed by Valley Fact Desk');
  assert.deepEqual(
    pack.claims.map((claim) => ({ id: claim.id, status: claim.status, claimants: claim.claimants, counter: claim.counterClaims?.map((c) => `${c.party} ${c.stance}: ${c.summary}`), pattern: claim.patterns[0] })),
    [
      { id: 'water-fernhollow-safe-drink', status: 'unverified', claimants: ['odile-varga'], counter: ['valley-fact-desk doubts: Valley Fact Desk rated this claim “Half True” (2031-03-16).'], pattern: '@water @fernhollow @safe @drink' },
      { id: 'dozens-children-millrace-drinking', status: 'unverified', claimants: ['clean-taps-fernhollow'], counter: ['valley-fact-desk doubts: Valley Fact Desk rated this claim “Unproven” (2031-03-17).'], pattern: '@dozens @children @millrace @drinking' },
      { id: 'kestrel-polymers-leaked-solvent', status: 'denied', claimants: ['kestrel-polymers'], counter: ['valley-fact-desk denies: Valley Fact Desk rated this claim “1 on a scale from 1 to 5” (2031-03-18).'], pattern: '@kestrel @polymers @leaked @solvent' },
    ],
  );
  const varga = pack.parties.find((party) => party.id === 'odile-varga');
  assert.deepEqual(varga, { id: 'odile-varga', name: 'Odile Varga', kind: 'person', aliases: ['Varga'] });
  assert.deepEqual(pack.claims[0].attribution, { source: 'Odile Varga', verb: 'said' });
  assert.deepEqual(pack.sources[0], { id: 'review-1', title: 'Valley Fact Desk, 2031-03-16: rated “Half True”', url: 'https://factdesk.example/fernhollow/tap-water-safe' });
  // "Says …" is the fact-checker's framing, not the claim's wording.
  assert.deepEqual(pack.claims[0].examples, { match: ['tap water in Fernhollow is safe to drink again.'], noMatch: ['tap water in Fernhollow is safe to drink again, Odile Varga said.'] });
  assert.deepEqual(warnings, ['review 3: "The Kestrel Polymers plant has never leaked solvent into the river." is worded as a negative; check that its pattern does not also match the opposite claim']);
});

test('the imported pack is valid, and its generated patterns flag their own claims, except the negative one', () => {
  const { pack } = claimReviewToPack(document, { id: 'fact-desk' });
  const loaded = loadPack(JSON.stringify(pack, null, 2));
  assert.deepEqual(loaded.problems, []);
  const failed = runExamples(loaded.pack!).filter((result) => !result.passed);
  assert.deepEqual(failed.map((result) => `${result.claimId} ${result.kind}`), ['kestrel-polymers-leaked-solvent match']);
});

test('a single object and a plain array are read like an @graph', () => {
  const single = claimReviewToPack({ '@context': 'https://schema.org', ...reviews[1] }).pack;
  assert.deepEqual(single.claims.map((claim) => claim.id), ['dozens-children-millrace-drinking']);
  const array = claimReviewToPack(reviews.slice(0, 2)).pack;
  assert.equal(array.claims.length, 2);
});

test('ratings map to statuses; missing fields are warnings, not crashes', () => {
  const review = (rating: unknown, extra: Record<string, unknown> = {}) => ({ '@type': 'ClaimReview', claimReviewed: 'The mayor closed the Eastbank wells.', itemReviewed: { author: 'Odile Varga' }, reviewRating: rating, ...extra });
  const status = (rating: unknown) => claimReviewToPack(review(rating)).pack.claims[0].status;
  assert.equal(status({ alternateName: 'Pants on Fire!' }), 'denied');
  assert.equal(status({ alternateName: 'Mostly False' }), 'denied');
  assert.equal(status({ alternateName: 'Misleading' }), 'unverified');
  assert.equal(status({ alternateName: 'Mostly True' }), 'statement');
  assert.equal(status({ ratingValue: 5, bestRating: 5, worstRating: 1 }), 'statement');
  const { pack, warnings } = claimReviewToPack([{ '@type': 'ClaimReview', claimReviewed: 'Water rates will double next year.' }, { '@type': 'ClaimReview' }]);
  assert.equal(pack.claims.length, 1);
  assert.deepEqual(pack.claims[0].claimants, ['an-unnamed-source']);
  assert.deepEqual(warnings, [
    'review 1: itemReviewed.author.name is missing; the claimant is "an unnamed source"',
    'review 1: no reviewRating; status set to "unverified"',
    'review 2: no claimReviewed; skipped',
  ]);
});

test('a document without a usable ClaimReview is a clear error', () => {
  assert.throws(() => claimReviewToPack({ '@type': 'NewsArticle', headline: 'Water' }), ClaimReviewError);
  assert.throws(() => claimReviewToPack('ClaimReview'), /no ClaimReview found/);
  assert.throws(() => claimReviewToPack({ '@type': 'ClaimReview', claimReviewed: 'It is.' }), /no claim could be made from 1 ClaimReview record: review 1: "It is\." has no content words to match; skipped$/);
});

test('a large feed is imported in linear time and stopped at the pack limits; any word may name a concept', () => {
  const feed = Array.from({ length: 10_000 }, (_, i) => ({
    '@type': 'ClaimReview',
    url: `https://factdesk.example/${i}`,
    // Most reviews repeat one wording, so their ids need numbers: "reservoir-poisoned-2"…
    claimReviewed: i % 2 ? 'The reservoir was poisoned.' : `Councillor ${i} rigged vote ${i}.`,
    itemReviewed: { author: { '@type': 'Person', name: `Person ${i % 300}` } },
    reviewRating: { alternateName: 'False' },
  }));
  const started = performance.now();
  const { pack, warnings } = claimReviewToPack(feed);
  // It took 44 s before: a set of every source id was built again for each review.
  assert.ok(performance.now() - started < 3000, `${Math.round(performance.now() - started)} ms`);
  assert.equal(pack.claims.length, 200);
  assert.equal(new Set(pack.claims.map((claim) => claim.id)).size, 200);
  assert.match(warnings.at(-1)!, /^stopped at review 201: a claim pack holds at most 1,000 claims, 200 sources \(one per review\) and 500 concepts; 9,800 reviews not imported/);
  assert.deepEqual(loadPack(JSON.stringify(pack)).problems.filter((p) => p.severity === 'error'), []);

  // Words that are also properties of every JavaScript object crashed the import.
  const odd = claimReviewToPack({ '@type': 'ClaimReview', claimReviewed: 'The constructor of __proto__ toString valueOf hasOwnProperty.', itemReviewed: { author: 'Pat Doe' } });
  assert.deepEqual(Object.keys(odd.pack.concepts).sort(), ['constructor', 'hasownproperty', 'tostring', 'valueof'].sort());
  assert.deepEqual(loadPack(JSON.stringify(odd.pack)).problems.filter((p) => p.severity === 'error'), []);
});
