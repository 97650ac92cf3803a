import type { ValidateFunction } from 'ajv';
import type { ClaimPack } from './types';

/** The claim-pack schema, compiled ahead of time (see scripts/generate-validator.mjs). */
export declare const validate: ValidateFunction<ClaimPack>;
export default validate;
