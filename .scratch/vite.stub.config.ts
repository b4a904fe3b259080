import path from 'node:path';
import {mergeConfig} from 'vite';
import base from '../vite.config.js';
export default mergeConfig(base, {resolve: {alias: {'jsforce/core': path.resolve(import.meta.dirname, 'jsforce-stub.ts')}}});
