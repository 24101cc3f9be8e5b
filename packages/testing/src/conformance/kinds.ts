/**
 * Errors are recognised by their kind, not their class: the store under test may be built
 * against another copy of @redress/core (its CommonJS build, say) than this suite.
 */
import { isRedressError, type RedressErrorKind } from '@redress/core';
import { expect } from 'vitest';

/** An asymmetric matcher for a Redress error of `kind`, from whichever build threw it. */
export const errorOfKind = (kind: RedressErrorKind): unknown => expect.toSatisfy((e: unknown) => isRedressError(e, kind), `a Redress error of kind ${kind}`);
