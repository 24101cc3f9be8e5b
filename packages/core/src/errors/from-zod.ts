import type { z } from 'zod';
import { ValidationError } from './errors.js';

/** A zod error as a ValidationError with dotted paths (`data.remedy.amount`, `data.items[2]`). */
export function validationErrorFromZod(error: z.ZodError): ValidationError {
  return new ValidationError(
    error.issues.map((issue) => ({
      path: issue.path.reduce<string>(
        (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`),
        '',
      ),
      message: issue.message,
      code: issue.code,
    })),
  );
}
