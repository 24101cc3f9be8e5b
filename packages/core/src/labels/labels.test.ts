import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../commands/schema.js';
import { CAUSES, COMPLAINT_SOURCE_KINDS, IMPACTS, MEETING_REASONS, REPEAT_BASES, ROLES, SATISFACTION_LEVELS, SEVERITIES, STEPS, URGENCIES } from '../domain/vocabulary.js';
import { COMPLAINT_EVENT_TYPES } from '../events/schema.js';
import { PROMISE_KINDS } from '../promises/schema.js';
import { LABELS, LOCALES, labels } from './labels.js';

const HAN = /\p{Script=Han}/u;

describe('labels', () => {
  it.each(LOCALES)('%s labels every step, severity, cause, role, command and event', (locale) => {
    const l = LABELS[locale];
    const groups = [
      [l.steps, ['none', ...STEPS]],
      [l.severities, SEVERITIES],
      [l.causes, CAUSES],
      [l.roles, ROLES],
      [l.commands, COMMAND_TYPES],
      [l.events, COMPLAINT_EVENT_TYPES],
      [l.satisfactionLevels, SATISFACTION_LEVELS],
      [l.complaintSources, COMPLAINT_SOURCE_KINDS],
      [l.repeatBases, REPEAT_BASES],
      [l.impacts, IMPACTS],
      [l.urgencies, URGENCIES],
      [l.meetingReasons, MEETING_REASONS],
      [l.promiseKinds, PROMISE_KINDS],
    ] as const;
    for (const [group, keys] of groups) {
      expect(Object.keys(group).sort()).toEqual([...keys].sort());
      for (const value of Object.values(group)) expect(value.trim()).not.toBe('');
    }
  });

  it('uses the domain words in Simplified Chinese', () => {
    const zh = labels('zh-CN');
    expect(zh.steps.received).toBe('接收投诉');
    expect(zh.steps.archived).toBe('归档记录');
    expect(zh.severities.major).toBe('重大投诉');
    expect(zh.causes.repairQuality).toBe('维修质量');
    for (const value of [...Object.values(zh.steps), ...Object.values(zh.causes), ...Object.values(zh.roles)]) expect(value).toMatch(HAN);
  });

  it('names the satisfaction levels as service stations do', () => {
    expect(Object.values(labels('zh-CN').satisfactionLevels)).toEqual(['非常满意', '满意', '一般', '不满', '非常不满']);
    expect(Object.values(labels('en').satisfactionLevels)).toEqual(['Very satisfied', 'Satisfied', 'Average', 'Dissatisfied', 'Very dissatisfied']);
  });

  it('defaults to English', () => {
    expect(labels().steps.followingUp).toBe('Following up');
  });
});
