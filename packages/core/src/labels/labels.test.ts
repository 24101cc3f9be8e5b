import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../commands/schema.js';
import { CAUSES, ROLES, SEVERITIES, STEPS } from '../domain/vocabulary.js';
import { COMPLAINT_EVENT_TYPES } from '../events/schema.js';
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

  it('defaults to English', () => {
    expect(labels().steps.followingUp).toBe('Following up');
  });
});
