/**
 * @redress/cli: the `redress` binary, and its commands as functions for scripts and
 * tests. Every command works through the stores' public API (`EventStore`, the stores'
 * migrate and rebuild), so it works on any version of a store that keeps its contract.
 */
export { createProgram, type ProgramOptions } from './program.js';
export { runCli } from './run.js';
export { processIo, type CliIo } from './io/cli-io.js';
export { CliError } from './errors.js';
export { openStore, withStore, type OpenedStore, type OpenedStoreBase, type OpenOptions, type StoreOptions } from './store/open-store.js';
export { progressBar, type Progress } from './io/progress.js';
export { exportLog, type ExportOptions, type ExportReport } from './commands/export-log.js';
export { importLog, type ImportOptions, type ImportReport, type ImportTarget } from './commands/import-log.js';
export { verifyStore, type EventSchema, type VerifyOptions, type VerifyReport, type VerifySource } from './commands/verify-store.js';
export { migrateStore, type MigrateReport } from './commands/migrate-store.js';
export { READ_MODELS, rebuildReadModels, type ReadModel, type RebuildOptions, type RebuildResult } from './commands/rebuild-read-models.js';
export { tickSla, type TickReport } from './commands/tick-sla.js';
export { loadSlaConfig } from './commands/sla-config.js';
export { linesOf, rereadable, type Line } from './io/ndjson.js';
