import { LIMITS } from '@discuss/contracts';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from '../../platform/errors.ts';

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }));

/** Minimum zxcvbn score (0–4): 3 means "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

/**
 * Rejects passwords that are too short, too long, common, or built from the person's own name or e-mail.
 * The length limits are also in the schema; this adds the guessability check.
 */
export function assertStrongPassword(password: string, userInputs: string[]): void {
  if (password.length < LIMITS.passwordMin || password.length > LIMITS.passwordMax) {
    throw new AppError('weak_password', `Use ${LIMITS.passwordMin} to ${LIMITS.passwordMax} characters`);
  }
  const inputs = userInputs
    .flatMap((s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((s) => s.length > 2);
  const result = zxcvbn().check(password, inputs);
  if (result.score < MIN_SCORE) {
    throw new AppError(
      'weak_password',
      'This password is too easy to guess: use a longer phrase of unrelated words',
      {
        score: result.score,
      },
    );
  }
}
