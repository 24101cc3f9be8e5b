import { libraryBuild } from '../../.config/tsdown.base.ts';

// The OpenTelemetry API and the core are peers: one copy each, the host's (the API keeps its providers in a global).
export default libraryBuild({ entry: ['src/index.ts'], external: ['@opentelemetry/api', '@redress/core'] });
