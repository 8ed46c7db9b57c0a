/** Builds the CLI's bundle now; answers its entry file. */
export function buildCli(): Promise<string>;
/** The bundle's entry file, built first when missing or older than its sources. */
export function currentBuild(): Promise<string>;
