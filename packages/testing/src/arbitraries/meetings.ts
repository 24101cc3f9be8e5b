/**
 * The complaint meeting's payloads: `ArrangeMeeting`, and the venue and time a
 * reassignment may carry along. They keep the meeting rules: the first arrangement
 * gives both the time and the place, a time is always after now, and a meeting that
 * already took place gets a new time rather than only a new venue.
 */
import { MEETING_REASONS, type CommandOf } from '@redress/core';
import fc from 'fast-check';
import { VENUES } from './phrases.js';
import { compact, futureInstant, localized, optional, text, type CommandContext } from './texts.js';

/** Which of the two a change gives: both, only the time, only the venue. */
const SHAPES = ['both', 'time', 'venue'] as const;

/** A valid new time and/or venue for the meeting as it stands in the context's state. */
export function meetingFields(c: CommandContext): fc.Arbitrary<{ at?: string; venue?: string }> {
  const { meeting } = c.state;
  const passed = meeting !== null && Date.parse(meeting.at) <= Date.parse(c.now);
  return fc.record({ shape: fc.constantFrom(...SHAPES), at: futureInstant(c.now, 7), venue: localized(VENUES, c) }).map(({ shape, at, venue }) => {
    // No meeting yet: both. One that took place: a new time, at least.
    const given = meeting === null ? 'both' : passed && shape === 'venue' ? 'time' : shape;
    return given === 'both' ? { at, venue } : given === 'time' ? { at } : { venue };
  });
}

export const meetingPayload = (c: CommandContext): fc.Arbitrary<CommandOf<'ArrangeMeeting'>['data']> =>
  fc
    // Sometimes with the prepared strategy for the key issues (the meeting plan), which goes with any valid change.
    .record({ fields: meetingFields(c), reason: optional(fc.constantFrom(...MEETING_REASONS)), note: optional(text('note', c)), strategy: optional(text('plan', c)) })
    .map(({ fields, reason, note, strategy }) => compact({ ...fields, reason, note, strategy }));
