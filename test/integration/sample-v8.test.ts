import { sampleScriptSuite } from './sample-script-suite.js';

sampleScriptSuite('js', 'v8');
