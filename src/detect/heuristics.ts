/**
 * Pure checks that recognise values which look like secrets but are not. Each one removes a
 * class of false positives named in its comment; test/unit/heuristics.test.ts proves each.
 * The checks live in heuristics/, one family per file; this module is their public face.
 */
export { isFiller, isFixturePassword, isPlaceholder, isRepetitive, isSequential, isWeakPassword } from './heuristics/placeholder.js';
export { isHashLike, isNumber, isReference, isRegexSource, isTemplate, isUuid } from './heuristics/syntax.js';
export { decodesToNonSecret, isPronounceable, looksLikeIdentifier, looksLikeWords, namesACredential } from './heuristics/words.js';
export { isWordLike, wordCover, type WordCover } from './heuristics/words.js';
