import { sampleScriptSuite } from './sample-script-suite.js';

sampleScriptSuite('lua');
