import { libraryBuild } from '../../.config/tsdown.base.ts';

export default libraryBuild({ entry: ['src/index.ts'] });
