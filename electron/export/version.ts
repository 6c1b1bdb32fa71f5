import pkg from '../../package.json';

/** The app's version, named as the Creator of the files it exports. */
export const APP_VERSION: string = pkg.version;
