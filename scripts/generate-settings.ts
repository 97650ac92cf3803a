// `npm run settings`: writes package.json's contributes.configuration (and the settings
// Restricted Mode withholds) and the README's settings table from the one typed list of
// settings, server/src/configuration.ts. test/package/settings.test.ts fails while either
// is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS, settingSchema, type SettingSpec } from '../server/src/configuration';

export const ROOT = join(__dirname, '..');
export const TABLE_START = '<!-- settings: generated from server/src/configuration.ts by `npm run settings` -->';
export const TABLE_END = '<!-- end of settings -->';

const entries = () => Object.entries(SETTINGS) as Array<[string, SettingSpec]>;

export function contributedConfiguration() {
  return { title: 'Claim Lens', properties: Object.fromEntries(entries().map(([name, spec]) => [`claimLens.${name}`, settingSchema(spec)])) };
}

export function restrictedConfigurations(): string[] {
  return entries()
    .filter(([, spec]) => spec.restricted)
    .map(([name]) => `claimLens.${name}`);
}

const shown = (value: unknown) => `\`${JSON.stringify(value).replace(/,/g, ', ')}\``;

export function settingsTable(): string {
  const rows = entries().map(([name, spec]) => `| \`claimLens.${name}\` | ${shown(spec.default)} | ${spec.summary} |`);
  return [TABLE_START, '| setting | default | what it does |', '|---|---|---|', ...rows, TABLE_END].join('\n');
}

/** package.json as it should be: its configuration and restricted settings generated. */
export function packageJsonWithSettings(text: string): string {
  const pkg = JSON.parse(text);
  pkg.contributes.configuration = contributedConfiguration();
  pkg.capabilities.untrustedWorkspaces.restrictedConfigurations = restrictedConfigurations();
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The README as it should be: the table between its markers generated. */
export function readmeWithSettings(text: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md: no settings table between "${TABLE_START}" and "${TABLE_END}"`);
  return text.slice(0, start) + settingsTable() + text.slice(end + TABLE_END.length);
}

if (require.main === module) {
  for (const [file, generate] of [
    ['package.json', packageJsonWithSettings],
    ['README.md', readmeWithSettings],
  ] as const) {
    const path = join(ROOT, file);
    const before = readFileSync(path, 'utf8');
    const after = generate(before);
    if (after !== before) writeFileSync(path, after);
    console.log(`${file}: ${after === before ? 'up to date' : 'written'}`);
  }
}
