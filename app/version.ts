import packageJson from '../package.json';

/** The product version, from package.json (shown by /healthz and in the Graph User-Agent). */
export const appVersion: string = packageJson.version;
