import { prepareTaggerModel, type PreparedTaggerModel } from './taggerModel';

// Where the tagger's prepared model comes from. Run from the sources (tests, tsx), it is
// prepared here from the package's JSON on first use; in the bundles, scripts/prepared-data.mjs
// replaces this module with the model prepared at build time.

export function preparedTaggerModel(): PreparedTaggerModel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return prepareTaggerModel(require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json'));
}
