// R49 in Italian: every surface, both themes, no axe violation (accessibility-suite.ts has the checks).
import {describeAccessibility} from './accessibility-suite.js';

describeAccessibility('it');
