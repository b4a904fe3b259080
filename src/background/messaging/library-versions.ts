import Dexie from 'dexie';
import {loadJsforce} from '../salesforce/jsforce-loader.js';

/**
 * Versions of the two heavy libraries the worker carries. Answering `ping` with them proves, in the
 * e2e test, that the bundled worker evaluates jsforce (with its Node polyfills) and Dexie without error —
 * jsforce on demand (salesforce/jsforce-loader.ts), so a ping is also what makes it load.
 */
export async function libraryVersions(): Promise<{jsforce: string; dexie: string}> {
	const {VERSION: jsforceVersion} = await loadJsforce();
	return {jsforce: jsforceVersion, dexie: Dexie.semVer};
}
