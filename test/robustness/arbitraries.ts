import fc from 'fast-check';

// Generators for drafts that trip text handling: line-break flavours, tabs, surrogate
// pairs, combining marks, zero-width and bidi controls, right-to-left scripts, Markdown
// markup, and sentences that the bundled pack flags.

/** Sentences the bundled pack flags on their own (checked by the tests that rely on it). */
export const CLAIM_SENTENCES = [
  'Two drones attacked the Kremlin overnight.',
  'Ukraine tried to kill Putin with two drones.',
  'Russian air defences shot down both drones.',
  'Two drones reportedly attacked the Kremlin overnight.',
  'Ukrainian officials said two drones had struck the Kremlin.',
  'Putin was not in the Kremlin at the time.',
  'Kyiv sent the drones that hit the Kremlin.',
  'Sources say the attack was a terrorist act.',
  'It said the drones were disabled by electronic warfare.',
] as const;

export const TRICKY_PIECES = [
  '\r\n', '\n', '\r', '\t', ' ', '  ', '\u00a0', '\u3000',
  '🙂', '🚁', '🇺🇦', '👨‍👩‍👧', '👍🏽', '𝕂',
  'e\u0301', 'a\u0308\u0323', '\u0301',
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff',
  'الكرملين', 'שלום', '\u200f', '\u200e', '\u202e', '\u202c',
  '.', '. ', '?', '!', '…', ',', ':', '“', '”', '"', "'", '’', '(', ')',
  'Mr.', 'U.S.', '2:30', '3 May', 'a.m.',
] as const;

export const MARKDOWN_PIECES = [
  '# ', '## ', '\n# ', '\n- ', '\n* ', '\n1. ', '\n> ', '\n```\n', '\n~~~\n', '```', '\n---\n', '---\n', '+++\n',
  '<!-- ', ' -->', '<b>', '</b>', '|', ' | ', '\n| a | b |\n|---|---|\n', '[', '](http://example.com)', '**', '_', '`',
  '\\', '&amp;', '    ', '[^1]', '[^1]: note', '![image](x.png)', '\n===\n', '<https://example.com>', 'www.example.com',
] as const;

const WORDS = [
  'the', 'two', 'drones', 'attacked', 'Kremlin', 'Putin', 'said', 'overnight', 'Ukraine', 'Moscow', 'Peskov', 'it',
  'reportedly', 'officials', 'was', 'not', 'denied', 'according', 'to', 'sources', 'they', 'Zelensky', 'Podolyak',
] as const;

/** One Unicode code point or a lone surrogate: any UTF-16 string at all. */
export const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Any string of UTF-16 code units, lone surrogates included. */
export const anyString = fc.string({ unit: anyCodeUnit, maxLength: 400 });

/** Text that mixes words, tricky characters, claim sentences and arbitrary Unicode. */
export const trickyText = (options: { markdown?: boolean; maxPieces?: number } = {}) =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...WORDS).map((word) => `${word} `) },
        { weight: 4, arbitrary: fc.constantFrom(...TRICKY_PIECES) },
        { weight: 2, arbitrary: fc.constantFrom(...CLAIM_SENTENCES).map((sentence) => `${sentence} `) },
        { weight: options.markdown ? 3 : 0, arbitrary: fc.constantFrom(...MARKDOWN_PIECES) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
        { weight: 1, arbitrary: fc.constantFrom('\n\n', '\r\n\r\n', '\n \t\n') },
      ),
      { maxLength: options.maxPieces ?? 80 },
    )
    .map((pieces) => pieces.join(''));

// Words that may sit inside a sentence without ending it: tricky characters inside, none
// of them an abbreviation ICU or the sentence splitter would keep a sentence open after.
const INNER_WORDS = [
  'drones', 'Kremlin', 'overnight', 'said', 'tab\there', 'naïve', 'cafe\u0301', 'Zoe\u0308', 'zero\u200bwidth', 'joi\u200dned',
  'الكرملين', 'שלום', '\u200fمرحبا\u200f', '🙂', '🚁drones', '🇺🇦', '👨‍👩‍👧', '👍🏽', '𝕂remlin', 'two', 'attacked', '3', '2023',
  '“quoted”', '(aside)', 'comma,', 'wide\u3000space',
] as const;
const STARTERS = ['Two', 'Drones', 'Moscow', 'Officials', 'Ukraine', 'Écoles', 'Ángel', 'Zoë', 'Ωmega', 'Яблоко'] as const;
const LOWER_WORDS = ['drones', 'said', 'overnight', 'two', 'naïve', 'cafe\u0301'] as const;

/** A sentence with tricky characters inside; hard-wrapped only before lower-case words. */
export const trickySentence = (maxWords = 12, minWords = 0) =>
  fc
    .tuple(
      fc.constantFrom(...STARTERS),
      fc.array(
        fc.oneof(
          fc.tuple(fc.constantFrom(' ', '  ', '\t', '\u00a0'), fc.constantFrom(...INNER_WORDS)),
          fc.tuple(fc.constantFrom(' \r\n', '\n', '\r\n\t'), fc.constantFrom(...LOWER_WORDS)),
        ),
        { minLength: minWords, maxLength: maxWords },
      ),
      fc.constantFrom('.', '!', '?', '.”', '?”'),
    )
    .map(([first, rest, end]) => first + rest.map(([space, word]) => space + word).join('') + end);

/** Separators between sentences of one paragraph. */
export const sentenceGap = fc.constantFrom(' ', '  ', '\t', '\r\n', '\n', ' \n', '\u00a0');
/** Separators between paragraphs (blank lines of every flavour). */
export const paragraphGap = fc.constantFrom('\n\n', '\r\n\r\n', '\n\n\n', '\n \t\n', '\r\r');

/** A draft of paragraphs of sentences, with the sentences it is made of. */
export const composedDraft = (options: { maxParagraphs?: number; maxSentences?: number; maxWords?: number } = {}) =>
  fc
    .array(
      fc.array(fc.tuple(trickySentence(options.maxWords), sentenceGap), { minLength: 1, maxLength: options.maxSentences ?? 5 }),
      { minLength: 1, maxLength: options.maxParagraphs ?? 4 },
    )
    .chain((paragraphs) => fc.array(paragraphGap, { minLength: paragraphs.length, maxLength: paragraphs.length }).map((gaps) => ({ paragraphs, gaps })))
    .map(({ paragraphs, gaps }) => {
      let text = '';
      const sentences: string[] = [];
      paragraphs.forEach((paragraph, p) => {
        paragraph.forEach(([sentence, gap], k) => {
          sentences.push(sentence);
          text += sentence + (k < paragraph.length - 1 ? gap : '');
        });
        text += gaps[p];
      });
      return { text, sentences };
    });

/** Whether offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Runs counts for properties: small in `npm test`, larger under `npm run test:stress`. */
export function runs(normal: number): number {
  return process.env.CLAIM_LENS_STRESS ? normal * 20 : normal;
}
