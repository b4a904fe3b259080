import Dexie from 'dexie';
import {VERSION as jsforceVersion} from 'jsforce/core';

/**
 * Versions of the two heavy libraries the worker carries. Answering `ping` with them proves, in the
 * e2e test, that the bundled worker evaluated jsforce (with its Node polyfills) and Dexie without error.
 */
export function libraryVersions(): {jsforce: string; dexie: string} {
	return {jsforce: jsforceVersion, dexie: Dexie.semVer};
}
