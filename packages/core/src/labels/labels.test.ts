import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../commands/schema.js';
import { CAUSES, COMPLAINT_SOURCE_KINDS, IMPACTS, MEETING_REASONS, REPEAT_BASES, ROLES, SATISFACTION_LEVELS, SEVERITIES, STEPS, URGENCIES } from '../domain/vocabulary.js';
import { COMPLAINT_EVENT_TYPES } from '../events/schema.js';
import { defaultIntakeCriteria } from '../intake/intake.js';
import { PROMISE_KINDS } from '../promises/schema.js';
import { defaultRouting } from '../routing/routing.js';
import { LABELS, LOCALES, labels, type Labels } from './labels.js';

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

  // Derived from the defaults themselves: a default group, problem type or criterion added without its label fails here.
  it.each(LOCALES)('%s labels every default routing group, problem type and intake criterion', (locale) => {
    const l = LABELS[locale];
    const defaults = [
      [l.routingGroups, defaultRouting.groups.map((g) => g.id)],
      [l.problemTypes, defaultRouting.groups.flatMap((g) => g.problemTypes)],
      [l.intakeCriteria, defaultIntakeCriteria.criteria.map((c) => c.id)],
    ] as const;
    for (const [table, ids] of defaults) {
      expect(Object.keys(table).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(table[id]?.trim() ?? '', `${locale}: ${id}`).not.toBe('');
    }
  });

  it('names the routing groups and problem types in the material’s words', () => {
    const zh = labels('zh-CN');
    expect(zh.routingGroups).toEqual({ headOfficeManagement: '总部管理部门', rapidResponseEngineers: '快反工程师', researchEngineers: '研究院工程师' });
    expect(zh.problemTypes.policyProcess).toBe('流程制度上的问题');
    expect(zh.problemTypes.technical).toBe('技术上的问题');
    for (const value of [...Object.values(zh.routingGroups), ...Object.values(zh.problemTypes), ...Object.values(zh.intakeCriteria)]) expect(value).toMatch(HAN);
    expect(labels('en').routingGroups.rapidResponseEngineers).toBe('Rapid-response engineers');
  });

  it('takes a host’s own groups, types and criteria beside the defaults, looked up by any id', () => {
    const en = labels('en');
    const own: Labels = { ...en, routingGroups: { ...en.routingGroups, bodyShop: 'Body shop' }, intakeCriteria: { ...en.intakeCriteria, tooLate: 'Reported in time' } };
    const group: string = 'bodyShop';
    expect(own.routingGroups[group]).toBe('Body shop');
    expect(own.routingGroups['paintShop']).toBeUndefined();
    expect(own.intakeCriteria['tooLate']).toBe('Reported in time');
    // @ts-expect-error a table without a default's label does not compile
    const missing: Labels['routingGroups'] = { headOfficeManagement: 'Head office', rapidResponseEngineers: 'Engineers' };
    expect(missing['researchEngineers']).toBeUndefined();
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
