import { accusedDoesTheDeed } from './accusedDoesTheDeed';
import { actedUponInPassive } from './actedUponInPassive';
import { almostHappenedCheck } from './almostHappened';
import { causedToAct } from './causedToAct';
import { debrisDoesTheDeedCheck } from './debrisDoesTheDeed';
import { definiteTakesUpIndefiniteCheck } from './definiteTakesUpIndefinite';
import { deedInAnObject } from './deedInAnObject';
import { droneWordModifiesNounCheck } from './droneWordModifiesNoun';
import { dronesAsProducts } from './dronesAsProducts';
import { footageVerbInGapCheck } from './footageVerbInGap';
import { gerundNamesActivity } from './gerundNamesActivity';
import { nounIsVerb } from './nounIsVerb';
import { nounSlotIsVerbCheck } from './nounSlotIsVerb';
import { nounsInAList } from './nounsInAList';
import { participleDescribesNoun } from './participleDescribesNoun';
import { partsInTwoClauses } from './partsInTwoClauses';
import { partyInACompound } from './partyInACompound';
import { partyInAnAside } from './partyInAnAside';
import { phraseEndsInGap } from './phraseEndsInGap';
import { possessedThingPlaced } from './possessedThingPlaced';
import { attackWordInCompoundCheck } from './attackWordInCompound';
import { infinitiveNotPassive } from './infinitiveNotPassive';
import { otherDroneCount } from './otherDroneCount';
import { possessorNotSubject } from './possessorNotSubject';
import { possessorOfAnotherThing } from './possessorOfAnotherThing';
import { prefixedWord } from './prefixedWord';
import { qualityNotEventCheck } from './qualityNotEvent';
import { topicNamedAsPossibilityCheck } from './topicNamedAsPossibility';
import type { Misreading } from './types';
import { verbIsNoun } from './verbIsNoun';
import { wordOfAnotherPhrase } from './wordOfAnotherPhrase';

// The shapes in which a claim pattern matches words that are not the claim, in the order they
// are asked; the first that recognises a match gives the reason it is not reported.
export const MISREADINGS: readonly Misreading[] = [prefixedWord, partyInACompound, nounIsVerb, nounSlotIsVerbCheck, verbIsNoun, wordOfAnotherPhrase, gerundNamesActivity, participleDescribesNoun, actedUponInPassive, partyInAnAside, phraseEndsInGap, partsInTwoClauses, nounsInAList, dronesAsProducts, otherDroneCount, possessorOfAnotherThing, possessorNotSubject, causedToAct, possessedThingPlaced, almostHappenedCheck, deedInAnObject, accusedDoesTheDeed, topicNamedAsPossibilityCheck, droneWordModifiesNounCheck, attackWordInCompoundCheck, debrisDoesTheDeedCheck, qualityNotEventCheck, infinitiveNotPassive, definiteTakesUpIndefiniteCheck, footageVerbInGapCheck];

export type { Misreading } from './types';
