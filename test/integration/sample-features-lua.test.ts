import { sampleScriptFlowSuite } from '../examples/kamailio-examples-suite.js';

// the sample script with every feature define on: Kamailio's example flows, and gateways through dispatcher
sampleScriptFlowSuite('lua');
