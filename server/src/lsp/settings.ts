import { SETTINGS, SEVERITY_LEVELS } from '../configuration';
import { DEFAULT_SETTINGS, type ClaimLensSettings } from '../protocol';

// Settings arrive from the client as loosely typed JSON; anything malformed falls back
// to the default for that one setting.

const SEVERITIES = new Set<string>(SEVERITY_LEVELS);

export function readSettings(raw: unknown): ClaimLensSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const number = (key: 'maxProblems' | 'maxDocumentSize') => {
    const n = value[key];
    return typeof n === 'number' && Number.isFinite(n) && n >= SETTINGS[key].minimum ? Math.floor(n) : DEFAULT_SETTINGS[key];
  };
  const severity: ClaimLensSettings['severity'] = {};
  if (value.severity && typeof value.severity === 'object') {
    for (const [status, level] of Object.entries(value.severity as Record<string, unknown>)) {
      if (typeof level === 'string' && SEVERITIES.has(level)) (severity as Record<string, string>)[status] = level;
    }
  }
  const flag = (key: 'enable' | 'showAttributed' | 'highlightMarkdown') => (typeof value[key] === 'boolean' ? (value[key] as boolean) : DEFAULT_SETTINGS[key]);
  return {
    enable: flag('enable'),
    languages: Array.isArray(value.languages) && value.languages.every((l) => typeof l === 'string') ? (value.languages as string[]) : DEFAULT_SETTINGS.languages,
    maxProblems: number('maxProblems'),
    maxDocumentSize: number('maxDocumentSize'),
    showAttributed: flag('showAttributed'),
    highlightMarkdown: flag('highlightMarkdown'),
    severity,
  };
}
