import { callFlowSuite } from './call-flow-suite.js';

callFlowSuite('js', 'v8');
