/**
 * The escalation ladder: host data saying who a complaint goes to as it climbs.
 * Rung 0 is the handler; each rung above names the level recorded on
 * `ComplaintEscalated`, the roles that answer there and, optionally, the people.
 * A rung may hold several targets of equal rank routed by the cause (the domain's
 * "routing by type, not by rank": policy and process problems go to head-office
 * management, technical ones to the head-office engineers).
 *
 * Escalation only climbs: a complaint's level is the highest rung it reached, a
 * manual escalation below it is refused, and a breach escalates exactly one rung
 * above it. The rung is recorded on the event, so every reader (the SLA tables, the
 * ticket view) can tell the highest level without knowing the ladder.
 */
import { z } from 'zod';
import { idSchema } from '../domain/primitives.js';
import {
  causeSchema,
  DOMAIN_ESCALATION_RANK,
  escalationLevelSchema,
  roleSchema,
  type Cause,
  type EscalationLevel,
  type Role,
} from '../domain/vocabulary.js';
import { WorkflowConfigError } from '../errors/errors.js';

const people = z.array(idSchema).min(1).max(100).optional();

const targetSchema = z.strictObject({
  level: escalationLevelSchema,
  roles: z.array(roleSchema).min(1, 'name the roles that answer at this rung'),
  /** The people (user ids of the host's directory) the escalation reaches, recorded on the event. */
  people,
  /** Routing by type: this target takes complaints whose latest cause is one of these. */
  causes: z.array(causeSchema).min(1).optional(),
});
/**
 * One rung's destination: the level, the roles that answer there, optionally named people, and the causes it
 * takes when a rung routes by type.
 */
export type EscalationTarget = z.output<typeof targetSchema>;

/**
 * The shape of an escalation ladder: rungs from the handler upwards, each one target or several routed by
 * cause. Parse with `parseEscalationLadder`.
 */
export const escalationLadderSchema = z
  .strictObject({
    name: idSchema,
    /** Rung 0: who works a complaint before it is escalated. */
    handler: z.strictObject({ roles: z.array(roleSchema).min(1), people }),
    /** Rungs 1, 2, … upwards: one target, or several of equal rank routed by cause. */
    rungs: z
      .array(z.union([targetSchema, z.array(targetSchema).min(1)]).transform((r) => (Array.isArray(r) ? r : [r])))
      .min(1, 'a ladder needs at least one rung above the handler'),
  })
  .superRefine((ladder, ctx) => {
    const seen = new Map<EscalationLevel, number>();
    ladder.rungs.forEach((rung, i) => {
      for (const target of rung) {
        const before = seen.get(target.level);
        if (before !== undefined) ctx.addIssue({ code: 'custom', path: ['rungs', i], message: `${target.level} is already rung ${before + 1}: a level sits on one rung` });
        seen.set(target.level, i);
      }
      const fallbacks = rung.filter((t) => t.causes === undefined).length;
      if (fallbacks !== 1) {
        ctx.addIssue({ code: 'custom', path: ['rungs', i], message: `rung ${i + 1} needs exactly one target without causes (it takes every other complaint); it has ${fallbacks}` });
      }
      const causes = rung.flatMap((t) => t.causes ?? []);
      const twice = causes.find((cause, j) => causes.indexOf(cause) !== j);
      if (twice !== undefined) ctx.addIssue({ code: 'custom', path: ['rungs', i], message: `the cause ${twice} is routed to two targets of rung ${i + 1}` });
    });
  });
/** A validated escalation ladder. */
export type EscalationLadder = z.output<typeof escalationLadderSchema>;
/** An escalation ladder as a host writes it (a rung may be one target rather than a list). */
export type EscalationLadderInput = z.input<typeof escalationLadderSchema>;

const only = (level: EscalationLevel, roles: readonly Role[] = [level as Role]): EscalationTarget[] => [{ level, roles: [...roles] }];

/** Every rung of the domain: handler → department head → senior management → head-office management / engineers. */
export const defaultEscalationLadder: EscalationLadder = Object.freeze({
  name: 'default',
  handler: { roles: ['handler'] },
  rungs: [
    only('departmentHead'),
    only('seniorManagement'),
    [
      { level: 'headOfficeManagement', roles: ['headOfficeManagement'] },
      // Technical problems go to the rapid-response or research engineers (快反工程师或研究院工程师).
      { level: 'headOfficeEngineering', roles: ['headOfficeEngineering'], causes: ['repairQuality', 'productQuality'] },
    ],
  ],
}) as EscalationLadder;

/**
 * The shape of a host's escalation configuration: a default ladder and ladders per branch or business line.
 */
export const escalationConfigSchema = z.strictObject({
  /** The ladder of complaints no other entry matches. */
  ladder: escalationLadderSchema.optional(),
  /** A ladder per branch (`ComplaintReceived.data.branch`); a branch's ladder wins over a business line's. */
  byBranch: z.record(z.string(), escalationLadderSchema).optional(),
  /** A ladder per business line (`ComplaintReceived.data.businessLine`). */
  byBusinessLine: z.record(z.string(), escalationLadderSchema).optional(),
});
/** An escalation configuration as a host writes it: every part optional. */
export type EscalationConfigInput = z.input<typeof escalationConfigSchema>;

/**
 * The escalation ladders in force, validated: which ladder applies is chosen by the complaint's branch, then
 * its business line, then the default.
 */
export interface EscalationConfig {
  /** The ladder of complaints no other entry matches. */
  readonly ladder: EscalationLadder;
  /** Ladders by branch; a branch's ladder wins over a business line's. */
  readonly byBranch: ReadonlyMap<string, EscalationLadder>;
  /** Ladders by business line. */
  readonly byBusinessLine: ReadonlyMap<string, EscalationLadder>;
}

/** The domain's own ladder for every complaint, with no per-branch or per-business-line ladders. */
export const defaultEscalationConfig: EscalationConfig = Object.freeze({ ladder: defaultEscalationLadder, byBranch: new Map(), byBusinessLine: new Map() });

/** The host's escalation configuration, validated; throws a WorkflowConfigError naming each problem. */
export function parseEscalationConfig(input: EscalationConfigInput | undefined): EscalationConfig {
  if (input === undefined) return defaultEscalationConfig;
  const parsed = escalationConfigSchema.safeParse(input);
  if (!parsed.success) throw WorkflowConfigError.fromZod('escalation configuration', parsed.error);
  const { ladder, byBranch = {}, byBusinessLine = {} } = parsed.data;
  return { ladder: ladder ?? defaultEscalationLadder, byBranch: new Map(Object.entries(byBranch)), byBusinessLine: new Map(Object.entries(byBusinessLine)) };
}

/** The ladder of a complaint: its branch's, else its business line's, else the default one. */
export function ladderFor(config: EscalationConfig, complaint: { readonly branch: string | null; readonly businessLine: string | null }): EscalationLadder {
  return (
    (complaint.branch !== null ? config.byBranch.get(complaint.branch) : undefined) ??
    (complaint.businessLine !== null ? config.byBusinessLine.get(complaint.businessLine) : undefined) ??
    config.ladder
  );
}

/** The rung of `level` on `ladder` (1-based), or undefined when the ladder has no such level. */
export function rungOf(ladder: EscalationLadder, level: EscalationLevel): number | undefined {
  const i = ladder.rungs.findIndex((rung) => rung.some((t) => t.level === level));
  return i < 0 ? undefined : i + 1;
}

/** The target of `level` on `ladder`, with its rung. */
export function targetOf(ladder: EscalationLadder, level: EscalationLevel): { readonly target: EscalationTarget; readonly rank: number } | undefined {
  const rank = rungOf(ladder, level);
  const target = rank === undefined ? undefined : ladder.rungs[rank - 1]?.find((t) => t.level === level);
  return target && rank !== undefined ? { target, rank } : undefined;
}

/** The target one rung above `rank`, routed by the complaint's latest cause; undefined at the top. */
export function targetAbove(ladder: EscalationLadder, rank: number, cause: Cause | null): { readonly target: EscalationTarget; readonly rank: number } | undefined {
  const rung = ladder.rungs[rank];
  if (rung === undefined) return undefined;
  const routed = cause === null ? undefined : rung.find((t) => t.causes?.includes(cause));
  const target = routed ?? rung.find((t) => t.causes === undefined) ?? rung[0];
  return target && { target, rank: rank + 1 };
}

/** The rung an escalation event records; events from before ladders are read with the domain's hierarchy. */
export const escalationRankOf = (data: { readonly level: EscalationLevel; readonly rank?: number | undefined }): number =>
  data.rank ?? DOMAIN_ESCALATION_RANK[data.level];
