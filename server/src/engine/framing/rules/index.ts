import { accordingTo } from './accordingTo';
import { adverbialGerund } from './adverbialGerund';
import { agentlessPassive } from './agentlessPassive';
import { apposedVerbPhrase } from './apposedVerbPhrase';
import { asStatedBy } from './asStatedBy';
import { bracketedCitation } from './bracketedCitation';
import { asXCalledIt } from './asXCalledIt';
import { certaintyColon } from './certaintyColon';
import { claimNoun } from './claimNoun';
import { cleftSpeaker } from './cleftSpeaker';
import { coordinatedPredicate } from './coordinatedPredicate';
import { endAttribution } from './endAttribution';
import { endAttributionAside } from './endAttributionAside';
import { footageCaption } from './footageCaption';
import { footageOf } from './footageOf';
import { footageShows } from './footageShows';
import { footageWhere } from './footageWhere';
import { headlineColon } from './headlineColon';
import { inTheEyesOf } from './inTheEyesOf';
import { frontedParticiple } from './frontedParticiple';
import { gerundSubject } from './gerundSubject';
import { invertedEndAttribution } from './invertedEndAttribution';
import { namedAsClaim } from './namedAsClaim';
import { objectControl } from './objectControl';
import { onRecordSaying } from './onRecordSaying';
import { orSoSays } from './orSoSays';
import { participleSharesSubject } from './participleSharesSubject';
import { placeSpeaks } from './placeSpeaks';
import { postedAfter } from './postedAfter';
import { quotedAsSaying } from './quotedAsSaying';
import { quoteThenSpeaker } from './quoteThenSpeaker';
import { relativeSubject } from './relativeSubject';
import { relativeThenThat } from './relativeThenThat';
import { seenInFootage } from './seenInFootage';
import { speakerBeforeRelative } from './speakerBeforeRelative';
import { sourceFor } from './sourceFor';
import { sourceLabel } from './sourceLabel';
import { subjectBeforeAside } from './subjectBeforeAside';
import { subjectBeforeDashAside } from './subjectBeforeDashAside';
import { subjectBlocked } from './subjectBlocked';
import { subjectVerb } from './subjectVerb';
import { thatRelativeSpeaker } from './thatRelativeSpeaker';
import type { SentenceRule, VerbRule } from './types';
import { trailingCredit } from './trailingCredit';
import { trailingSource } from './trailingSource';
import { unclosedRelativeAside } from './unclosedRelativeAside';
import { whatCleft } from './whatCleft';
import { withSubjectParticiple } from './withSubjectParticiple';
import { whichRelative } from './whichRelative';

// The attribution rules, in the order they are asked. For each reporting verb the first
// rule that recognises its construction decides; sentence rules run after the verbs, each
// seeing the cues read before it.

/** Constructions around one reporting verb: with a subject before the verb first, then without. */
export const VERB_RULES: readonly VerbRule[] = [
  quotedAsSaying,
  onRecordSaying,
  cleftSpeaker,
  withSubjectParticiple,
  adverbialGerund,
  objectControl,
  placeSpeaks,
  // (Before the blocked subject: an aside between dashes may open with a preposition or hold a cue.)
  subjectBeforeDashAside,
  subjectBlocked,
  apposedVerbPhrase,
  relativeThenThat,
  whatCleft,
  orSoSays,
  asXCalledIt,
  unclosedRelativeAside,
  relativeSubject,
  whichRelative,
  endAttribution,
  subjectVerb,
  speakerBeforeRelative,
  thatRelativeSpeaker,
  frontedParticiple,
  participleSharesSubject,
  invertedEndAttribution,
  endAttributionAside,
  subjectBeforeAside,
  coordinatedPredicate,
];

export const SENTENCE_RULES: readonly SentenceRule[] = [accordingTo, inTheEyesOf, asStatedBy, footageShows, footageWhere, seenInFootage, footageCaption, postedAfter, footageOf, claimNoun, namedAsClaim, gerundSubject, agentlessPassive, certaintyColon, headlineColon, sourceLabel, sourceFor, trailingSource, trailingCredit, bracketedCitation, quoteThenSpeaker];

export type { Cue, CueKind, Polarity, RuleExample, SentenceRule, VerbRule, VerbSite } from './types';
