import { PhraseIndex, type PhraseWordsCache } from '../match/phrases';
import { preparedFramingPhrases, type PreparedPhrases } from './framingPrepared';

// Words that frame a statement in English news copy: who says it, how sure anyone is,
// whether it is asserted at all. Pack-independent; the claim packs only say *what* is
// claimed and *by whom*. Inflections are covered by the word keys (say/says/said).

export const FRAME = {
  /** Reporting verbs that pass on a statement. */
  report: 'f:report',
  /** Verbs that reject the statement that follows. */
  deny: 'f:deny',
  /** Words that cast doubt on what follows in their clause. */
  doubt: 'f:doubt',
  /** Conditionals and open questions: what follows is not asserted. */
  condition: 'f:condition',
  /** Clause hedges that hide the source: "reportedly". */
  hedge: 'f:hedge',
  /** Hedge adjectives that make a noun phrase a mere mention: "the alleged attack". */
  hedgeAdjective: 'f:hedge-adjective',
  /** Participles that make an agentless passive report: "is said to", "was described as". */
  passiveReport: 'f:passive-report',
  /** "appears to", "seems to". */
  seem: 'f:seem',
  according: 'f:according',
  /** Nouns that carry a statement: "Russia's claim that". */
  claimNoun: 'f:claim-noun',
  negator: 'f:negator',
  /** Heads of unnamed sources: "officials", "sources", "reports". */
  vagueSource: 'f:vague-source',
  pronoun: 'f:pronoun',
  possessivePronoun: 'f:possessive-pronoun',
  /** Nouns that point back to a source already named: "the statement", "the adviser". */
  pointer: 'f:pointer',
  determiner: 'f:determiner',
  be: 'f:be',
  modal: 'f:modal',
  footage: 'f:footage',
  show: 'f:show',
  contrast: 'f:contrast',
  that: 'f:that',
  by: 'f:by',
  preposition: 'f:preposition',
  habitual: 'f:habitual',
  /** Adjuncts that may follow an end attribution: "in a statement", "on Wednesday". */
  adjunct: 'f:adjunct',
} as const;

const LISTS: Array<[string, string[]]> = [
  [FRAME.report, [
    'say', 'tell', 'claim', 'state', 'add', 'allege', 'accuse', 'blame', 'insist', 'warn', 'announce', 'report',
    'write', 'tweet', 'post', 'publish', 'suggest', 'argue', 'fear', 'suspect', 'worry', 'hope', 'think',
    'predict', 'anticipate', 'assess', 'judge', 'reckon', 'feel', 'put it', 'portray', 'depict', 'characterise',
    'characterize', 'describe', 'caution', 'estimate', 'call', 'brand', 'describe', 'label', 'term',
    'confirm', 'concede', 'acknowledge', 'admit', 'note', 'assert', 'maintain', 'contend', 'declare',
    'inform', 'stress', 'emphasise', 'point out', 'threaten', 'vow', 'pledge', 'promise', 'urge', 'demand', 'want',
    'propose', 'predict', 'believe', 'quote', 'cite', 'condemn', 'characterise', 'portray', 'frame', 'assure', 'reiterate',
    'repeat', 'charge', 'counter', 'retort', 'comment', 'observe', 'remark', 'mention', 'speculate', 'hint', 'point to',
    'indicate', 'reveal', 'recount', 'recall', 'consider', 'pin the blame', 'hold responsible',
    'explain that', 'agree that', 'agreed that', 'put the death toll', 'put the toll', 'put the number', 'put losses', 'put the figure',
    'attribute', 'identify', 'name', 'single out', 'cast', 'present', 'put', 'pin', 'float', 'qualify', 'call to', 'suppose', 'alert', 'boast', 'complain', 'testify', 'acknowledge', 'publicise', 'disclose',
    'quoted as saying', 'go on to say', 'call for', 'cast doubt', 'talk about', 'talk of', 'speak of', 'speak about',
    'refer to', 'continue', 'reply', 'conclude', 'ask', 'wonder', 'affirm', 'be adamant', 'be insistent', 'be convinced', 'be categorical', 'be emphatic', 'be unequivocal', 'hold that',
    'slam', 'go on', 'swear', 'let it be known', 'decry', 'clarify', 'emphasise', 'emphasize', 'regard', 'lambast', 'denounce', 'dub', 'proclaim',
    'deplore', 'posit', 'theorise', 'theorize', 'surmise', 'float the idea', 'float the theory', 'raise the hypothesis', 'give it a name', 'put forward', 'present it', 'present them', 'raise the possibility', 'raise the prospect', 'signal', 'imply',
    'insinuate', 'play up', 'play it up', 'spin', 'spin it', 'convey', 'relay', 'reaffirm', 'restate', 'stress', 'underline', 'underscore', 'highlight', 'contend', 'view', 'read', 'see it', 'saw it', 'sees it', 'has it', 'have it', 'had it',
    'flash that', 'verify', 'corroborate', 'cry', 'make it clear', 'make clear', 'specify', 'outline', 'lay out', 'set out', 'find that', 'find it strange', 'find it odd', 'find it curious', 'find it suspicious', 'conclude that', 'remind that', 'remind us', 'remind everyone', 'remind reporters', 'remind the world', 'bill', 'express', 'discuss', 'detail',
  ]],
  [FRAME.deny, ['deny', 'reject', 'refuse', 'dismiss', 'refute', 'rebut', 'dispute', 'push back on', 'play down', 'brush off', 'rule out', 'denounce as false']],
  [FRAME.doubt, [
    'unlikely', 'doubt', 'doubtful', 'not clear', 'unclear', 'no evidence', 'little evidence', 'without evidence',
    'no proof', 'skeptical', 'question', 'questioned whether', 'cast doubt', 'caution against', 'warn against', 'cautious',
    'unproven', 'not proven', 'not been proven', 'not been proved', 'not been established', 'not established', 'unsubstantiated', 'not true', 'untrue', 'false', 'baseless', 'unfounded', 'implausible',
    'improbable', 'no sign', 'hard to believe', 'remains to be seen', 'not known', 'unknown', 'no indication',
    'no confirmation', 'not confirmed', 'not independently verified', 'could not be verified', 'not been verified', 'not been independently verified', 'not been confirmed', 'not been independently confirmed', 'not possible to verify',
    'fake', 'fabricated', 'staged', 'internally prepared', 'prepared internally', 'internally conducted', 'evidence that', 'proof that', 'evidence of', 'proof of', 'yet to', 'not sure', 'unsure',
    'not as though', 'not as if',
    'uncertain', 'not certain', 'not obvious', 'nor is it obvious', 'nor is it clear', 'not evident',
    'seem strange', 'seem odd', 'seem suspicious', 'look suspicious', 'strange that', 'odd that', 'nothing to gain', 'no reason to', 'no motive',
    'hard to see', 'difficult to see', 'hard to call', 'difficult to call', 'hard to describe', 'difficult to describe', 'hard to imagine', 'difficult to imagine', 'would be surprising', "it'd be surprising", 'it’d be surprising',
    'is plausible', 'seems plausible', 'be ruled out', 'been ruled out', 'be excluded', 'rests on', 'rests entirely on', 'rests solely on', 'rests only on',
    'does not exist', 'do not exist', 'did not exist', 'is lacking', 'is missing',
    'no independent confirmation', 'no independent evidence', 'no independent verification', 'no independent proof',
    'is unverified', 'was unverified', 'are unverified', 'were unverified', 'is unconfirmed', 'was unconfirmed', 'are unconfirmed', 'were unconfirmed', 'remains unverified', 'remain unverified', 'remains unconfirmed', 'remain unconfirmed', 'still unverified', 'still unconfirmed',
    'cautious', 'wary of', 'careful about', "don't buy", 'don’t buy', 'do not buy', "doesn't buy", 'does not buy', 'not buying',
  ]],
  [FRAME.condition, ['if', 'unless', 'whether', 'even if', 'in case', 'in the event of', 'in the event that', 'assuming', 'supposing', 'suppose', 'provided that', 'as if', 'hypothetically']],
  [FRAME.hedge, [
    'reportedly', 'allegedly', 'purportedly', 'apparently', 'supposedly', 'seemingly', 'ostensibly', 'rumour', 'it seems', 'it would seem', 'it appears', 'it would appear',
    'rumor', 'according to reports', 'according to sources', 'according to some', 'it is claimed', 'it is said',
    'it is believed', 'it is learnt', 'it is learned', 'it has been learnt', 'it has been learned', 'it is expected', 'it is feared', 'it is suspected', 'it is alleged', 'it is understood', 'it is thought', 'it was reported', 'it has been reported',
    'it is reported', 'word is', 'unconfirmed reports', 'by some accounts', 'by all accounts', 'by most accounts', 'by many accounts', 'it is being reported', 'so the story goes',
    'speculation that', 'suspicion that', 'suspicions that', 'there is speculation', 'it has been suggested', 'some say', 'some believe', 'there are reports',
    'there were reports', 'there are also reports', 'there were also reports', 'reports are coming in', 'reports were coming in', 'it has been reported', 'rumours that', 'rumors that', 'likely that',
    'there are fears', 'there were fears', 'there are concerns', 'there were concerns', 'there are worries',
    'there were worries', 'there are suspicions', 'there were suspicions', 'there are claims', 'there were claims',
    'there are also fears', 'there were also fears', 'there are also concerns', 'there were also concerns',
    'amid fears', 'amid concerns', 'amid suspicions', 'consistent with', 'is consistent with', 'are consistent with',
    'believed to have', 'thought to have', 'said to have', 'reported to have', 'alleged to have', 'suspected of having',
    'we are told', "we're told", 'we were told', "we're hearing", 'we are hearing', "i'm hearing", 'we hear that', "we're hearing that", 'i am told', "i'm told", 'i was told', 'we are assured', 'we were assured',
    'by some data', 'according to some data', 'by some information', 'by some reports',
    'there are whispers', 'whispers that', 'there is talk', "there's talk", 'there was talk', 'there is also talk', "there's also talk", 'talk is that',
  ]],
  [FRAME.hedgeAdjective, [
    'alleged', 'reported', 'purported', 'apparent', 'suspected', 'supposed', 'claimed', 'so-called', 'unconfirmed',
    'unverified', 'rumoured', 'presumed', 'ostensible', 'possible', 'putative', 'disputed', 'contested', 'potential', 'hypothetical',
  ]],
  [FRAME.passiveReport, [
    'said', 'believed', 'thought', 'understood', 'rumoured', 'rumored', 'alleged', 'reported', 'claimed',
    'described', 'called', 'branded', 'suspected', 'considered', 'labelled', 'labeled', 'characterised',
    'portrayed', 'deemed', 'confirmed', 'announced', 'stated', 'asserted', 'disclosed', 'revealed', 'acknowledged',
    'noted', 'cited', 'quoted', 'stressed', 'denied', 'dismissed', 'rejected', 'presumed', 'assumed', 'estimated', 'accused', 'blamed', 'framed', 'billed',
    'touted', 'painted', 'cast', 'held responsible', 'held accountable', 'emphasised', 'emphasized', 'underlined',
    'pointed out', 'underscored', 'specified', 'indicated', 'explained', 'charged', 'termed', 'dubbed', 'referred to',
    'informed', 'wrote', 'suggested', 'laid out', 'set out', 'spelled out', 'spelt out', 'presented',
  ]],
  [FRAME.seem, ['appear to', 'seem to', 'appears to', 'look like', 'purport to', 'would appear']],
  [FRAME.according, ['according to', 'per', 'citing', 'as reported by', 'in the words of', 'by words of', 'by the words of', 'in the opinion of', 'in the view of', 'in the estimation of', 'in the judgement of', 'in the judgment of', 'judging by', 'judging from', 'by data of', 'by the data of', 'according to data of', 'according to the data of', 'by information of', 'by the information of']],
  [FRAME.claimNoun, [
    'claim', 'statement', 'accusation', 'allegation', 'assertion', 'account', 'version', 'report', 'announcement',
    'warning', 'threat', 'suggestion', 'estimate', 'denial', 'insistence', 'charge', 'contention', 'position',
    'narrative', 'explanation', 'theory', 'assessment', 'words', 'remarks', 'comments', 'message', 'post', 'tweet',
    'figure', 'tally', 'count', 'toll', 'projection', 'calculation', 'reckoning', 'telling', 'retelling', 'view', 'story', 'admission',
    'reading', 'interpretation', 'argument', 'speculation', 'nonsense', 'fiction', 'fabrication', 'propaganda', 'talking points',
    'call for', 'call to', 'call', 'demand for', 'appeal for', 'line', 'assurance', 'promise', 'pledge', 'vow', 'point', 'remark', 'opinion', 'fear', 'rebuttal', 'hypothesis', 'retort', 'riposte', 'answer', 'reply', 'idea', 'notion', 'demand', 'language', 'rhetoric', 'protestation', 'possibility', 'option', 'scenario', 'case',
  ]],
  [FRAME.negator, ['not', 'never', 'no', 'neither', 'nor', 'without', 'no longer', 'nobody', 'none', 'nothing', 'hardly', 'fail to', 'cannot', 'unable', 'refuse to', 'decline to']],
  [FRAME.vagueSource, [
    'official', 'officials', 'source', 'sources', 'report', 'reports', 'media', 'media reports', 'local media',
    'state media', 'the russian media', 'russian media', 'western sources', 'witness', 'witnesses', 'resident',
    'residents', 'observer', 'observers', 'expert', 'experts', 'insider', 'insiders', 'diplomat', 'diplomats',
    'people familiar', 'person familiar', 'critics', 'some', 'many', 'others', 'authorities', 'the authorities',
    'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'adviser', 'advisor', 'figure', 'analyst', 'analysts',
    'commentators', 'bloggers', 'military bloggers', 'journalists', 'journalist', 'correspondents', 'correspondent', 'reporter', 'reporters', 'intelligence',
    'people', 'someone', 'anonymous', 'unnamed', 'one', 'accounts', 'rumours', 'rumors', 'a senior official',
    'the government', 'the military', 'the ministry', 'government', 'military', 'the press',
    'generals', 'commanders', 'lawmaker', 'lawmakers', 'senator', 'senators', 'legislator', 'mps', 'legislators', 'hardliners', 'politicians', 'pundits', 'figures',
    'hawks', 'nationalists', 'propagandists', 'presenters', 'officers', 'soldiers', 'voices', 'activists', 'locals',
    'skeptics', 'sceptics', 'doubters',
    'papers', 'the papers', 'newspapers', 'tabloids', 'the tabloids', 'front pages', 'front page', 'every paper', 'several papers', 'most papers',
    'neighbours', 'muscovites', 'onlookers', 'eyewitnesses', 'rumours', 'speculation', 'claims', 'posts', 'accounts',
    'portals', 'outlets', 'news sites', 'news outlets', 'news portals',
  ]],
  [FRAME.pronoun, ['he', 'she', 'it', 'they', 'we', 'i']],
  [FRAME.possessivePronoun, ['his', 'her', 'its', 'their', 'our']],
  [FRAME.pointer, [
    'statement', 'adviser', 'advisor', 'aide', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'ministry',
    'president', 'leader', 'mayor', 'post', 'website', 'agency', 'channel', 'text', 'minister', 'presidency',
    'office', 'secretary', 'government', 'administration', 'kremlin', 'source', 'report', 'tweet', 'message',
    'caption', 'video', 'footage', 'press service', 'service', 'envoy', 'diplomat', 'chancellor', 'note', 'communique', 'communiqué',
  ]],
  [FRAME.determiner, [
    'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'any', 'such',
    'each', 'every', "'s",
  ]],
  [FRAME.be, ['be', 'am', 'is', 'are', 'was', 'were', 'been', 'being', 'has been', 'have been', 'had been']],
  [FRAME.modal, ['will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'do', 'does', 'did', 'have', 'has', 'had', 'cannot']],
  [FRAME.footage, ['video', 'videos', 'footage', 'clip', 'clips', 'image', 'images', 'picture', 'pictures', 'photo', 'photos', 'photograph', 'film', 'recording', 'recordings', 'photographs', 'screenshots', 'livestream', 'a still', 'this still', 'the still', 'still image', 'screenshot', 'screengrab', 'video grab']],
  [FRAME.show, ['show', 'capture', 'depict', 'appear to show', 'purport to show', 'seem to show', 'purportedly show', 'reveal', 'feature', 'catch']],
  [FRAME.contrast, ['but', 'however', 'although', 'though', 'even though', 'while', 'whereas', 'yet', 'even as', 'meanwhile', 'despite', 'in spite of']],
  [FRAME.that, ['that']],
  [FRAME.by, ['by']],
  [FRAME.preposition, ['about', 'of', 'on', 'over', 'for', 'with', 'to', 'from', 'in', 'at', 'against', 'into', 'onto', 'towards', 'toward', 'after', 'before', 'during', 'since', 'amid', 'behind', 'under', 'above', 'near', 'like', 'as',
    'alongside', 'along', 'across', 'around', 'among', 'amongst', 'between', 'beyond', 'beside', 'below', 'beneath',
    'through', 'throughout', 'via', 'within', 'without', 'upon', 'until', 'despite', 'inside', 'outside', 'underneath',
    'by', 'per', 'unlike', 'regarding', 'concerning', 'ahead of', 'next to', 'close to']],
  [FRAME.habitual, [
    'often', 'usually', 'regularly', 'frequently', 'typically', 'sometimes', 'normally', 'generally', 'traditionally',
    'tends to', 'tend to', 'used to', 'much of his time', 'most of his time', 'much of the time', 'a lot of his time',
    'routinely', 'habitually', 'prefers to', 'as a rule', 'previously', 'in the past', 'repeatedly',
    'throughout the war', 'throughout the invasion', 'throughout the conflict', 'most nights', 'most days', 'most of the time', 'every night', 'on most nights', 'as a habit',
  ]],
  [FRAME.adjunct, [
    'in a statement', 'in its statement', 'in a post', 'on telegram', 'on twitter', 'on social media', 'on its website',
    'on wednesday', 'on tuesday', 'on thursday', 'overnight', 'later', 'earlier', 'today', 'yesterday', 'on x',
    'in an interview', 'in a tweet', 'in a video', 'at a briefing', 'at a news conference', 'to reporters',
  ]],
];

let index: PhraseIndex | null = null;

/** The framing lexicon as a phrase index, its phrases read from `tokenised` where it has them (and added to it). */
export function buildFramingIndex(tokenised?: PhraseWordsCache): PhraseIndex {
  const built = new PhraseIndex(false, tokenised);
  for (const [label, phrases] of LISTS) for (const phrase of phrases) built.add(phrase, label);
  return built;
}

/** The framing lexicon as a phrase index; built once, from the phrases tokenised at build time in the bundles. */
export function framingIndex(): PhraseIndex {
  if (!index) {
    const prepared = preparedFramingPhrases();
    index = buildFramingIndex(prepared ? new Map(prepared.map(([phrase, keys, surfaces]) => [phrase, { keys, surfaces }])) : undefined);
  }
  return index;
}

/** At build time (scripts/prepared-data.mjs): every phrase of the lexicon tokenised, for preparedFramingPhrases. */
export function prepareFramingPhrases(): PreparedPhrases {
  const tokenised: PhraseWordsCache = new Map();
  buildFramingIndex(tokenised);
  return [...tokenised].map(([phrase, { keys, surfaces }]) => [phrase, keys, surfaces]);
}
