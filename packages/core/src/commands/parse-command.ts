/**
 * `commandSchema.safeParse`, for the engine's hot path: the same result, about four times
 * cheaper on a valid command. zod stays the validator; what changes is how it runs:
 *
 * - the command's own schema is picked by its `type` (what `z.discriminatedUnion` does
 *   first anyway) and compiled by zod (`z.compile`, zod ≥ 4.6) on first use. One small
 *   generated function per command type: compiling the whole union gave one function too
 *   large for V8 to optimise, and gained little.
 * - an input the compiled path does not accept goes to zod's runtime parser of that same
 *   schema (z.compile's own fallback), which is what the union runs for that type: refusals
 *   carry the same issues and messages. An unknown `type` or a non-object goes to
 *   `commandSchema` itself.
 *
 * Without `z.compile` (a host's zod before 4.6) or with `z.config({ jitless: true })` (no
 * `new Function`, e.g. under a CSP) it is `commandSchema.safeParse` unchanged. A property
 * test (parse-command.test.ts) pins the equality on valid and mutated commands.
 */
import { z } from 'zod';
import { commandSchema, type Command } from './schema.js';

type Parse = (input: unknown) => z.ZodSafeParseResult<Command>;

const runtime: Parse = (input) => commandSchema.safeParse(input);

/** Each command type's schema, then its compiled parser once used: compiling all of them up front would slow every start-up. */
let parsers: Map<string, { readonly schema: (typeof commandSchema.options)[number]; parse?: Parse }> | undefined;

function compiledParse(schema: (typeof commandSchema.options)[number]): Parse {
  // `compile` is absent before zod 4.6 (core's peer range starts at 4.0); jitless asks for no generated code at all.
  const compile = (z as { compile?: typeof z.compile }).compile;
  if (compile === undefined || z.config().jitless === true) return runtime;
  // z.compile never throws: a schema it cannot compile comes back as it is, on the runtime parser.
  const fast = compile(schema);
  return (input) => fast.safeParse(input) as z.ZodSafeParseResult<Command>;
}

/** `commandSchema.safeParse(input)`: the same success value, or the same error. */
export function parseCommand(input: unknown): z.ZodSafeParseResult<Command> {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  parsers ??= new Map(commandSchema.options.map((schema) => [schema.shape.type.value, { schema }]));
  // Only the known types are looked up: a map keyed by whatever `type` a caller sends would grow without bound.
  const entry = typeof type === 'string' ? parsers.get(type) : undefined;
  if (entry === undefined) return runtime(input);
  entry.parse ??= compiledParse(entry.schema);
  return entry.parse(input);
}
