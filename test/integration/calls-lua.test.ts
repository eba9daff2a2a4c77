import { callFlowSuite } from './call-flow-suite.js';

callFlowSuite('lua');
