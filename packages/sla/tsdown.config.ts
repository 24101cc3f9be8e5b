import { libraryBuild } from '../../.config/tsdown.base.ts';

// Dependencies and peers (the core, the optional test kit) stay external, as tsdown does by default.
export default libraryBuild({ entry: ['src/index.ts', 'src/testing/index.ts'] });
