/** The written-notice rule the workflow's guard names (see `schema.ts`). */
import type { Rule } from '../workflow/rules.js';

/** A notice is of a remedy on the table, and signed already (not after now). */
export const noticeOfRemedy: Rule = {
  name: 'noticeOfRemedy',
  check: ({ state, command, now }) => {
    if (command.type !== 'RecordWrittenNotice') return null;
    if (state.remedy === null) return 'there is no remedy to notify: a written notice follows a proposed remedy';
    return Date.parse(command.data.signedAt) <= Date.parse(now) ? null : `the notice is signed at ${command.data.signedAt}, after now (${now})`;
  },
};
