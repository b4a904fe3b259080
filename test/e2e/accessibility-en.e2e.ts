// R49 in English: every surface, both themes, no axe violation (accessibility-suite.ts has the checks).
import {describeAccessibility} from './accessibility-suite.js';

describeAccessibility('en');
