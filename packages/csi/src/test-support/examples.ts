/** The domain's worked example: 38 customers rated timeliness: one 6, two 7s, thirty-four 8s, one 9 (score 79.2). */
export const TIMELINESS_38: readonly number[] = [6, 7, 7, ...Array.from({ length: 34 }, () => 8), 9];
