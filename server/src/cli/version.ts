import { name, version } from '../../../package.json';

// What the command line says about itself (--version, SARIF's tool section): the package's
// own name and version, bundled from package.json at build time.

export const TOOL_NAME = name;
export const TOOL_VERSION = version;
